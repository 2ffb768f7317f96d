/**
 * The comparison page's DOM: it reads the setup from the URL into the server-rendered form (and says what it
 * refused), waits for the reader to press start, then runs the scheduler (race.ts) in the page's training worker
 * and turns each run's update into its panel, the table and the chart. It pauses while the tab is hidden, and
 * writes its state as `data-compare-*` attributes on <main> for tests.
 */
import "../render/render.css";
import "./compare.css";
import { sampleDataset } from "../lab/datasets.ts";
import { createRandom } from "../lab/random.ts";
import { OWN_DATASET, type DatasetName } from "../lab/dataset-names.ts";
import { ownDataOnLoad } from "../demo/own-data-store.ts";
import { OWN_TEXT } from "../demo/own-data-messages.ts";
import { FAMILY_IDS, isFamilyId, type FamilyId } from "../models/ids.ts";
import { createPlot, type Plot } from "../render/plot.ts";
import { createScoreChart } from "../render/score-chart.ts";
import { currentBackend, describeBackend } from "../demo/backend-preference.ts";
import { quotedReason } from "../demo/error-text.ts";
import { trainingWorker } from "../demo/worker-client.ts";
import { isWorkerStopped, watchTrainingWorker } from "../demo/worker-restart.ts";
import { runComparison, TARGET_SCORE, type FamilyRun } from "./race.ts";
import {
  familySettings,
  parseBudget,
  parseSeed,
  readSetup,
  setupSearch,
  type CompareMode,
  type CompareSetup,
} from "./setup.ts";
import { SHORT_TITLES } from "./short-titles.ts";
import { FAMILY_SPECS } from "../models/specs.ts";
import { download, svgToPng } from "./downloads.ts";
import { FIRST_DIRECTION, rowOf, sortRows, toCsv, type SortDirection, type SortKey } from "./table.ts";
import { renderTable } from "./table-view.ts";
import { COMPARE_TEXT } from "../i18n/compare-text.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { tr } from "../i18n/page-lang.ts";
import { fill, joinTexts, same, type Text } from "../i18n/text.ts";

const C = COMPARE_TEXT;

/** The table and the chart are redrawn at most this often while the families train. */
const REDRAW_MS = 250;

function must<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`The comparison page lacks ${selector}.`);
  return found;
}

/** Resolves at once while the page is visible, else when it becomes visible again. */
function visible(): Promise<void> {
  if (!document.hidden) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (document.hidden) return;
      document.removeEventListener("visibilitychange", check);
      resolve();
    };
    document.addEventListener("visibilitychange", check);
  });
}

/** Wires the page in `main` (the element with `data-compare`). */
export function mountComparePage(main: HTMLElement): void {
  const form = must<HTMLFormElement>(main, "form[data-compare-form]");
  const fields = must<HTMLFieldSetElement>(form, "fieldset[data-compare-fields]");
  const problemsBox = must<HTMLElement>(main, "[data-compare-problems]");
  const overridesBox = must<HTMLElement>(main, "[data-compare-overrides]");
  const status = must<HTMLElement>(main, "[data-compare-status]");
  const backendBox = must<HTMLElement>(main, "[data-compare-backend]");
  const stopButton = must<HTMLButtonElement>(main, "[data-compare-stop]");
  const tableBody = must<HTMLTableSectionElement>(main, "table[data-compare-table] tbody");
  const sortButtons = [...main.querySelectorAll<HTMLButtonElement>("button[data-sort]")];
  const exportButtons = [...main.querySelectorAll<HTMLButtonElement>("button[data-export]")];
  const chartBox = must<HTMLElement>(main, "[data-compare-chart]");
  const panels = new Map<FamilyId, HTMLElement>();
  for (const panel of main.querySelectorAll<HTMLElement>("[data-compare-panel]")) {
    const id = panel.dataset.comparePanel ?? "";
    if (isFamilyId(id)) panels.set(id, panel);
  }
  const plots = new Map<FamilyId, Plot>();
  const drawnSamples = new Map<FamilyId, Float32Array>();
  const input = (name: string) => must<HTMLInputElement | HTMLSelectElement>(form, `[name="${name}"]`);

  const { setup: fromUrl, problems } = readSetup(location.search);
  // The reader's own points, shared with the demos (a link's `owndata=` is stored first); re-read at each start.
  const ownOnLoad = ownDataOnLoad(location.search);
  if (ownOnLoad.notice) problems.push(ownOnLoad.notice);
  let ownPoints = ownOnLoad.points;
  let setup: CompareSetup = fromUrl;
  let runs: FamilyRun[] = [];
  let sortKey: SortKey = "family";
  let sortDirection: SortDirection = "ascending";
  let stopRequested = false;
  /** Set while the page's worker is stopped (its box says so), until Restart brings a fresh one. */
  let workerDown = false;
  /** Restart was pressed while the interrupted comparison was still winding down: it runs again once it has. */
  let rerun = false;
  let running = false;
  let pendingDraw = 0;

  function showProblems(list: readonly Text[]): void {
    problemsBox.hidden = list.length === 0;
    problemsBox.replaceChildren(
      ...list.map((text) => {
        const item = document.createElement("li");
        item.textContent = tr(text);
        return item;
      }),
    );
  }

  function fillForm(): void {
    input("dataset").value = setup.dataset;
    input("seed").value = String(setup.seed);
    input("budget").value = String(setup.budgetSeconds);
    for (const mode of form.querySelectorAll<HTMLInputElement>('[name="mode"]'))
      mode.checked = mode.value === setup.mode;
    for (const box of form.querySelectorAll<HTMLInputElement>('[name="families"]')) {
      box.checked = setup.families.includes(box.value as FamilyId);
    }
    const changed = Object.entries(setup.overrides).flatMap(([family, values]) =>
      Object.entries(values ?? {}).map(([name, value]) => same(`${family}.${name} = ${value}`)),
    );
    overridesBox.hidden = changed.length === 0;
    overridesBox.textContent = changed.length
      ? tr(fill(C.overrides, { list: joinTexts(changed, { zh: "；", en: "; " }) }))
      : "";
  }

  /** The setup the form holds, or the messages of what is wrong with it. */
  function readForm(): { setup: CompareSetup | null; problems: Text[] } {
    const list: Text[] = [];
    const seed = parseSeed(input("seed").value);
    const budget = parseBudget(input("budget").value);
    if (!seed.ok) list.push(seed.message);
    if (!budget.ok) list.push(budget.message);
    const families = FAMILY_IDS.filter((id) =>
      [...form.querySelectorAll<HTMLInputElement>('[name="families"]:checked')].some((box) => box.value === id),
    );
    if (families.length === 0) list.push(C.noFamily);
    if (!seed.ok || !budget.ok || families.length === 0) return { setup: null, problems: list };
    const mode = (form.querySelector<HTMLInputElement>('[name="mode"]:checked')?.value ?? "race") as CompareMode;
    return {
      setup: {
        dataset: input("dataset").value as CompareSetup["dataset"],
        seed: seed.value,
        budgetSeconds: budget.value,
        families,
        mode,
        overrides: setup.overrides,
      },
      problems: [],
    };
  }

  function writeUrl(): void {
    // The page's own parameters, which the setup does not hold, stay: the backend and the language.
    const kept = new URLSearchParams(location.search);
    let search = setupSearch(setup);
    for (const name of ["backend", "lang"]) {
      const value = kept.get(name);
      if (value !== null) search += `${search ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
    }
    history.replaceState(history.state, "", `${location.pathname}${search}${location.hash}`);
  }

  /** The real points behind every panel's samples, drawn again when the dataset or the seed changes. */
  let data: Float32Array = new Float32Array(0);
  let dataFor = "";
  function displayData(): Float32Array {
    const key = `${setup.dataset}|${setup.seed}|${ownPoints?.length ?? 0}`;
    if (key !== dataFor) {
      data =
        setup.dataset === OWN_DATASET
          ? (ownPoints ?? new Float32Array())
          : sampleDataset(setup.dataset as DatasetName, 600, createRandom(setup.seed).fork("display"));
      dataFor = key;
    }
    return data;
  }

  function showPanels(): void {
    const data = displayData();
    for (const [id, panel] of panels) {
      const chosen = setup.families.includes(id);
      panel.hidden = !chosen;
      if (!chosen) continue;
      let plot = plots.get(id);
      if (!plot) {
        plot = createPlot(must(panel, "[data-compare-plot]"), {
          label: tr(fill(C.plotLabel, { title: SHORT_TITLES[id] })),
        });
        plots.set(id, plot);
      }
      const run = runs.find((r) => r.id === id);
      plot.setPoints(data, run?.samples ?? null);
      plot.setLegend([
        { label: tr(DEMO_TEXT.legendData), kind: "data" },
        { label: tr(DEMO_TEXT.legendSamples), kind: "samples" },
      ]);
      plot.render();
      drawPanel(id, run ?? null);
      // Depends on the dataset only: written here, with the panels, not on every training update.
      showHardDataset(panel, id);
    }
  }

  function drawPanel(id: FamilyId, run: FamilyRun | null): void {
    const panel = panels.get(id)!;
    const score = must<HTMLElement>(panel, "[data-compare-score]");
    const message = must<HTMLElement>(panel, "[data-compare-message]");
    panel.dataset.state = run?.state ?? "waiting";
    panel.dataset.steps = String(run?.steps ?? 0);
    const seconds = run ? (run.trainedMs / 1000).toFixed(1) : "0.0";
    score.textContent = tr(
      fill(C.panelScore, {
        score: run?.score?.toFixed(3) ?? "—",
        seconds,
        steps: run?.steps ?? 0,
        state: C.state[run?.state ?? "waiting"],
      }),
    );
    message.hidden = !run?.message;
    message.textContent = run?.message ? tr(run.message) : "";
  }

  /** Under a family's panel, what is known when the dataset is one it is measured not to learn (its spec's why). */
  function showHardDataset(panel: HTMLElement, id: FamilyId): void {
    const spec = FAMILY_SPECS[id];
    const why = spec.hardDatasets?.[setup.dataset as DatasetName];
    let note = panel.querySelector<HTMLDetailsElement>(".compare-panel__note");
    if (!why) {
      note?.remove();
      return;
    }
    if (!note) {
      note = document.createElement("details");
      note.className = "compare-panel__note";
      note.append(document.createElement("summary"), document.createElement("p"));
      panel.append(note);
    }
    const summary = fill(C.hardDataset, { steps: spec.defaultSteps.toLocaleString("en-US"), dataset: setup.dataset });
    note.querySelector("summary")!.textContent = tr(summary);
    note.querySelector("p")!.textContent = tr(why);
  }

  const chart = createScoreChart(chartBox, {
    series: FAMILY_IDS.map((id) => ({ key: id, label: tr(SHORT_TITLES[id]) })),
    label: tr(C.chartLabel),
    axisTitles: { x: tr(C.chartX), y: tr(C.chartY) },
    target: TARGET_SCORE,
  });

  function drawTable(): void {
    renderTable(tableBody, sortButtons, sortRows(runs.map(rowOf), sortKey, sortDirection), sortKey, sortDirection);
  }

  function drawChart(): void {
    const curves = Object.fromEntries(
      setup.families.map((id) => [id, runs.find((run) => run.id === id)?.curve ?? []] as const),
    );
    chart.update(curves, setup.budgetSeconds);
  }

  /** Redraws the table and chart at most every REDRAW_MS (a train call reports every ~35 ms), in a frame. */
  function scheduleDraw(): void {
    if (pendingDraw) return;
    pendingDraw = window.setTimeout(() => {
      requestAnimationFrame(() => {
        pendingDraw = 0;
        drawTable();
        drawChart();
      });
    }, REDRAW_MS);
  }

  function onUpdate(run: FamilyRun): void {
    const plot = plots.get(run.id);
    if (plot && run.samples && run.samples !== drawnSamples.get(run.id)) {
      drawnSamples.set(run.id, run.samples);
      plot.setPoints(displayData(), run.samples);
      plot.render();
    }
    drawPanel(run.id, run);
    scheduleDraw();
    // The live region speaks only when a family finishes, not on every training call.
    const done = runs.filter((r) => r.state !== "waiting" && r.state !== "training").length;
    const text = tr(fill(C.progress, { done, total: runs.length }));
    if (status.textContent !== text) status.textContent = text;
  }

  async function start(): Promise<void> {
    const read = readForm();
    showProblems(read.problems);
    if (!read.setup) return;
    if (read.setup.dataset === OWN_DATASET) {
      ownPoints = ownDataOnLoad("").points;
      if (!ownPoints) return showProblems([OWN_TEXT.noDataForCompare]);
    }
    setup = read.setup;
    writeUrl();
    running = true;
    stopRequested = false;
    fields.disabled = true;
    stopButton.disabled = false;
    for (const button of exportButtons) button.disabled = true;
    main.dataset.compareState = "running";
    const worker = trainingWorker();
    try {
      status.textContent = tr(C.preparing);
      const choice = await currentBackend();
      // The demos' note points at their settings; this page has no backend control, only the URL's `backend=`.
      const { label, note } = describeBackend(choice, DEMO_TEXT.backend.switchByUrl);
      backendBox.textContent = tr(fill(C.backend, { label, note: note ? fill(C.backendNote, { note }) : same("") }));
      main.dataset.compareBackendName = label;
      const before = await worker.call("memory", {});
      main.dataset.compareTensorsBefore = String(before.numTensors);
      const families = setup.families.map((id) => ({ id, settings: familySettings(id, setup.overrides[id]).values }));
      runs = await runComparison({
        worker,
        dataset: setup.dataset,
        ...(setup.dataset === OWN_DATASET && ownPoints ? { points: ownPoints } : {}),
        seed: setup.seed,
        budgetSeconds: setup.budgetSeconds,
        mode: setup.mode,
        families,
        // While the gate waits, nothing trains: data-compare-parked says so (as a demo's data-demo-loop does).
        gate: async () => {
          if (document.hidden) main.dataset.compareParked = "hidden-tab";
          await visible();
          delete main.dataset.compareParked;
        },
        stopped: () => stopRequested || workerDown,
        onStart: (started) => {
          runs = [...started];
          showPanels();
        },
        onUpdate,
      });
      const after = await worker.call("memory", {});
      main.dataset.compareTensorsAfter = String(after.numTensors);
      status.textContent = stopRequested
        ? tr(C.stopped)
        : tr(
            fill(C.finished, {
              count: runs.length,
              budget: setup.budgetSeconds,
              before: before.numTensors,
              after: after.numTensors,
            }),
          );
      main.dataset.compareState = stopRequested ? "stopped" : "done";
    } catch (error) {
      if (workerDown || isWorkerStopped(error)) {
        status.textContent = tr(C.workerStopped);
        main.dataset.compareState = "worker-stopped";
      } else {
        status.textContent = tr(fill(C.failed, { reason: quotedReason(error) }));
        main.dataset.compareState = "error";
      }
    } finally {
      running = false;
      fields.disabled = false;
      stopButton.disabled = true;
      for (const button of exportButtons) button.disabled = runs.length === 0;
      drawTable();
      drawChart();
    }
    if (rerun) {
      rerun = false;
      void start();
    }
  }

  // The worker stops (a crash, a hang, terminated): the box says so; Restart runs an interrupted comparison again.
  let interrupted = false;
  let before = { state: "", status: "" };
  watchTrainingWorker(
    main,
    {
      stopped: () => {
        workerDown = true;
        interrupted = running;
        before = { state: main.dataset.compareState ?? "idle", status: status.textContent ?? "" };
        if (!running) main.dataset.compareState = "worker-stopped";
      },
      restarted: () => {
        workerDown = false;
        if (running) rerun = true;
        else if (interrupted) void start();
        else {
          // Nothing was running: the page is as it was, and its next start uses the fresh worker.
          main.dataset.compareState = before.state;
          status.textContent = before.status;
        }
      },
    },
    { stopped: C.workerStoppedBox, hint: C.restartHint, place: (box) => status.before(box) },
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!running) void start();
  });
  form.addEventListener("change", () => {
    if (running) return;
    const read = readForm();
    if (read.setup) {
      // A changed setup makes the last results those of another comparison: they go (export them first).
      setup = read.setup;
      runs = [];
      for (const button of exportButtons) button.disabled = true;
      writeUrl();
      showPanels();
      drawTable();
      drawChart();
    }
  });
  stopButton.addEventListener("click", () => {
    stopRequested = true;
    status.textContent = tr(C.stopping);
  });
  for (const button of sortButtons) {
    button.addEventListener("click", () => {
      const key = button.dataset.sort as SortKey;
      if (key === sortKey) sortDirection = sortDirection === "ascending" ? "descending" : "ascending";
      else {
        sortKey = key;
        sortDirection = FIRST_DIRECTION[key];
      }
      drawTable();
    });
  }
  const stem = () => `compare-${setup.dataset}-seed${setup.seed}-${setup.budgetSeconds}s`;
  for (const button of exportButtons) {
    button.addEventListener("click", () => {
      const kind = button.dataset.export;
      if (kind === "csv") {
        const rows = sortRows(runs.map(rowOf), sortKey, sortDirection);
        download(`${stem()}.csv`, new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }));
      } else if (kind === "svg") {
        download(`${stem()}.svg`, new Blob([chart.standaloneSvg()], { type: "image/svg+xml" }));
      } else if (kind === "png") {
        void svgToPng(chart.standaloneSvg()).then((blob) => download(`${stem()}.png`, blob));
      }
    });
  }

  fillForm();
  showProblems(problems);
  showPanels();
  drawTable();
  drawChart();
  main.dataset.compareState = "idle";
}
