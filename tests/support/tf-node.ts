import { tf } from "#tf";
import { chooseBackend } from "../../src/lab/backend.ts";

/** The WASM backend in Node: steady and the same numbers from run to run. */
export async function useWasm(): Promise<typeof tf> {
  await chooseBackend("wasm", { disabled: ["webgl"] });
  return tf;
}
