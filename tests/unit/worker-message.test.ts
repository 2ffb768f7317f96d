/**
 * The page's reading of the training worker's messages (`readWorkerMessage`): the replies and events of the protocol
 * are read as they are; anything else (a string, null, a reply without its id, an event of no known kind, hostile
 * JSON values from fast-check) is null, which ends the worker as unreadable, and nothing throws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readWorkerMessage } from "../../src/demo/worker-protocol.ts";
import { fuzz, hostileJsonValue } from "../support/hostile-input.ts";

/** Objects with the protocol's keys, each holding a valid or a hostile value, and each maybe missing. */
const nearlyProtocol = fc.record(
  {
    id: fc.oneof(fc.integer(), hostileJsonValue),
    ok: fc.oneof(fc.boolean(), hostileJsonValue),
    result: hostileJsonValue,
    ms: fc.oneof(fc.double(), hostileJsonValue),
    error: fc.oneof(fc.string(), hostileJsonValue),
    event: fc.oneof(fc.constantFrom("unreadable", "backend-lost", "lost"), hostileJsonValue),
    lost: hostileJsonValue,
  },
  { requiredKeys: [] },
);

describe("readWorkerMessage", () => {
  it("reads the protocol's replies and events", () => {
    const replies = [
      { id: 3, ok: true, result: { step: 5 }, ms: 1.5 },
      { id: 4, ok: true, result: undefined, ms: 0 },
      { id: 5, ok: false, error: "no training session" },
      { id: 6, ok: false, error: "bad", errorText: { zh: "坏", en: "bad" } },
      { event: "unreadable" },
      { event: "backend-lost", lost: { choice: { name: "wasm", fallbacks: [] }, sessions: [] } },
    ];
    for (const reply of replies) expect(readWorkerMessage(reply)).toEqual(reply);
  });

  it("is null for what is not of the protocol", () => {
    const garbled = [
      "garbled",
      null,
      undefined,
      42,
      [],
      {},
      { id: "3", ok: true, result: 1, ms: 1 },
      { id: 1.5, ok: true, result: 1, ms: 1 },
      { id: 3, ok: true, ms: 1 },
      { id: 3, ok: true, result: 1 },
      { id: 3, ok: "yes", result: 1, ms: 1 },
      { id: 3, ok: false },
      { event: "lost" },
      { event: "backend-lost" },
      { event: "backend-lost", lost: null },
    ];
    for (const message of garbled) expect(readWorkerMessage(message), JSON.stringify(message)).toBeNull();
  });

  it("never throws, and reads a message only when it has the shape of a reply or an event", () => {
    fc.assert(
      fc.property(fc.oneof(hostileJsonValue, nearlyProtocol), (value) => {
        const read = readWorkerMessage(value);
        if (read === null) return;
        expect(read).toBe(value);
        if ("event" in read) expect(["unreadable", "backend-lost"]).toContain(read.event);
        else expect(Number.isSafeInteger(read.id) && typeof read.ok === "boolean").toBe(true);
      }),
      fuzz(),
    );
  });
});
