/**
 * The demo's training loop, with animation frames and the worker replaced by promises the test controls:
 * it keeps the worker fed (two ticks outstanding, never more), stops asking when paused, off screen or in a
 * hidden tab, and resumes afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { NOMINAL_FRAME_MS, stepsForTick, TrainingLoop, type LoopState } from "../../src/demo/training-loop.ts";

beforeEach(() => {
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => setTimeout(() => callback(0), 1));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A tick that stays outstanding until the test finishes it. */
function controlledTicks() {
  const outstanding: ((more: boolean) => void)[] = [];
  let started = 0;
  const tick = () =>
    new Promise<boolean>((resolve) => {
      started++;
      outstanding.push(resolve);
    });
  return {
    tick,
    get started() {
      return started;
    },
    outstanding,
    finishOne(more = true) {
      outstanding.shift()?.(more);
    },
  };
}

const frames = (n: number) => new Promise((resolve) => setTimeout(resolve, 4 * n));

describe("TrainingLoop", () => {
  it("keeps two ticks outstanding while running, never more", async () => {
    const ticks = controlledTicks();
    const loop = new TrainingLoop(ticks.tick, () => {});
    loop.play();
    await frames(10);
    expect(ticks.started).toBe(2);
    ticks.finishOne();
    await frames(5);
    expect(ticks.started).toBe(3);
    expect(ticks.outstanding).toHaveLength(2);
    loop.pause();
  });

  it("asks for nothing while paused, off screen or in a hidden tab, and resumes after", async () => {
    const ticks = controlledTicks();
    const states: LoopState[] = [];
    const loop = new TrainingLoop(ticks.tick, (state) => states.push(state));
    loop.setOnScreen(false);
    loop.play();
    await frames(5);
    expect(ticks.started).toBe(0);
    expect(loop.state).toBe("off-screen");
    loop.setOnScreen(true);
    await frames(5);
    expect(ticks.started).toBe(2);
    loop.setTabVisible(false);
    ticks.finishOne();
    ticks.finishOne();
    await frames(5);
    expect(ticks.started).toBe(2);
    expect(loop.state).toBe("hidden-tab");
    loop.setTabVisible(true);
    await frames(5);
    expect(ticks.started).toBe(4);
    loop.pause();
    ticks.finishOne();
    ticks.finishOne();
    await frames(5);
    expect(ticks.started).toBe(4);
    expect(states).toEqual(["paused", "off-screen", "running", "hidden-tab", "running", "paused"]);
  });

  it("stops playing when a tick says there is nothing more to do", async () => {
    const ticks = controlledTicks();
    const loop = new TrainingLoop(ticks.tick, () => {});
    loop.play();
    await frames(5);
    ticks.finishOne(false);
    await frames(2);
    expect(loop.isPlaying).toBe(false);
    expect(loop.state).toBe("paused");
    ticks.finishOne();
    await frames(5);
    expect(ticks.started).toBe(2);
  });
});

describe("stepsForTick", () => {
  it("asks for `speed` steps per 60th of a second since the last tick, so a page drawing fewer frames trains as fast", () => {
    expect(stepsForTick(20, NOMINAL_FRAME_MS)).toBe(20);
    // A page drawing 15 frames a second: four nominal frames' steps per tick, not one.
    expect(stepsForTick(20, 1000 / 15)).toBe(80);
    expect(stepsForTick(1, 1000 / 15)).toBe(4);
  });

  it("asks for one frame's steps at least and six frames' at most (after a pause)", () => {
    expect(stepsForTick(20, 0)).toBe(20);
    expect(stepsForTick(20, 5 * 60_000)).toBe(120);
    expect(stepsForTick(1, 1)).toBe(1);
  });
});
