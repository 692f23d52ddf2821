/**
 * Plan state per library: the items of the last plan with their statuses, updated as each item moves on. The items
 * are the plan's (src/plan/model.ts); the store keeps each as JSON and reads only its id and status.
 */
import type { Database } from "bun:sqlite";
import type { Clock } from "../util/clock.ts";

/** What the store reads of a plan item; the rest is stored as it is. */
export interface StoredPlanItem {
  readonly id: string;
  readonly status: string;
}

/** Fields an executor changes. `null` removes an optional field (JSON merge patch, RFC 7396). */
export interface PlanItemPatch {
  status?: string;
  attempts?: number;
  error?: object | null;
  match?: object | null;
  skipReason?: string | null;
  target?: string;
}

/** The item to save, given the fresh one and the saved one with the same id: the plan's rule (plan/reconcile-item.ts). */
export type ReconcileItem<Item> = (saved: Item | undefined, fresh: Item) => Item;

/** One finished run of a library, as `recentRuns` lists it. */
export interface RunRecord {
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  /** e.g. `{ done: 120, failed: 2, skipped: 3400 }`. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface SavePlanOptions<Item> {
  /** How a saved item's progress carries over to the fresh item with its id. */
  readonly reconcile: ReconcileItem<Item>;
  /** What loadPlan just returned, so the saved items need not be parsed again (ignored when the store no longer
   * holds exactly those ids). */
  readonly previous?: readonly Item[] | null;
}

export interface PlanStore {
  /** Replaces the library's plan in one transaction, carrying progress over by item id (`reconcile`); returns the
   * items as saved, in plan order. Only changed rows are written. */
  savePlan<Item extends StoredPlanItem>(
    libraryKey: string,
    plan: { readonly items: readonly Item[] },
    options: SavePlanOptions<Item>,
  ): Item[];
  /** One prepared single-row UPDATE; call it on every status change. Throws if the item is not saved. */
  updateItem(libraryKey: string, id: string, patch: PlanItemPatch): void;
  /** The saved items in plan order, or null when this library never had a plan saved. `Item`: what was saved. */
  loadPlan<Item extends StoredPlanItem = StoredPlanItem>(libraryKey: string): Item[] | null;
  recordRun(libraryKey: string, run: RunRecord): void;
  /** Newest first. */
  recentRuns(libraryKey: string, limit?: number): RunRecord[];
}

export function createPlanStore(db: Database, clock: Clock): PlanStore {
  const selectItems = db.query("SELECT item FROM plan_items WHERE library_key = ?1 ORDER BY position");
  const selectPlan = db.query("SELECT 1 FROM plans WHERE library_key = ?1");
  // Not INSERT OR REPLACE: replacing the plans row would cascade-delete its items.
  const upsertPlan = db.query(
    "INSERT INTO plans (library_key, saved_at_ms) VALUES (?1, ?2) ON CONFLICT DO UPDATE SET saved_at_ms = excluded.saved_at_ms",
  );
  const selectIds = db.query("SELECT id FROM plan_items WHERE library_key = ?1 ORDER BY position");
  const deleteItem = db.query("DELETE FROM plan_items WHERE library_key = ?1 AND id = ?2");
  const upsertItem = db.query(
    `INSERT INTO plan_items (library_key, id, position, status, item) VALUES (?1, ?2, ?3, ?4, ?5)
     ON CONFLICT(library_key, id) DO UPDATE SET position = excluded.position, status = excluded.status,
       item = excluded.item
     WHERE position IS NOT excluded.position OR item IS NOT excluded.item`,
  );
  const patchStatements = new Map<string, ReturnType<Database["query"]>>();
  const patchItem = (libraryKey: string, id: string, patch: PlanItemPatch) => {
    const { sql, values } = patchStatement(patch);
    // Our own map: bun's db.query cache lookup doubled the cost of an update in bench.
    const statement = patchStatements.get(sql) ?? db.prepare(sql);
    patchStatements.set(sql, statement);
    return statement.run(libraryKey, id, patch.status ?? null, ...values).changes;
  };
  const insertRun = db.query(
    "INSERT INTO runs (library_key, started_at_ms, ended_at_ms, counts) VALUES (?1, ?2, ?3, ?4)",
  );
  const selectRuns = db.query(
    "SELECT started_at_ms, ended_at_ms, counts FROM runs WHERE library_key = ?1 ORDER BY started_at_ms DESC LIMIT ?2",
  );
  const readItems = (libraryKey: string) =>
    (selectItems.all(libraryKey) as { item: string }[]).map((row) => JSON.parse(row.item) as StoredPlanItem);

  // A re-run mostly saves the plan it loaded: deleting and inserting every row was 10,000 writes; the upsert
  // leaves unchanged rows alone. sqlite compares the stored text itself, so no copy of every row's JSON is read
  // into memory next to the saved and the fresh items (that copy was much of a 10,000-track re-run's peak RSS).
  const savePlan = db.transaction(
    (libraryKey: string, items: readonly StoredPlanItem[], options: SavePlanOptions<StoredPlanItem>) => {
      const { previous, reconcile } = options;
      const ids = (selectIds.values(libraryKey) as [string][]).map((row) => row[0]);
      const reused = previous?.length === ids.length && previous.every((item, index) => item.id === ids[index]);
      const saved = new Map<string, StoredPlanItem>();
      if (reused) for (const item of previous) saved.set(item.id, item);
      else
        for (const row of selectItems.iterate(libraryKey) as Iterable<{ item: string }>) {
          const item = JSON.parse(row.item) as StoredPlanItem;
          saved.set(item.id, item);
        }
      const stale = new Set(ids);
      const reconciled = items.map((item) => reconcile(saved.get(item.id), item));
      upsertPlan.run(libraryKey, clock.now());
      for (const [position, item] of reconciled.entries()) {
        stale.delete(item.id);
        upsertItem.run(libraryKey, item.id, position, item.status, JSON.stringify(item));
      }
      for (const id of stale) deleteItem.run(libraryKey, id);
      return reconciled;
    },
  );

  return {
    // The one place the item type is erased: the store hands back what the plan gave it, item for item.
    savePlan: <Item extends StoredPlanItem>(
      libraryKey: string,
      plan: { readonly items: readonly Item[] },
      options: SavePlanOptions<Item>,
    ) => savePlan.immediate(libraryKey, plan.items, options as unknown as SavePlanOptions<StoredPlanItem>) as Item[],
    updateItem(libraryKey, id, patch) {
      if (patchItem(libraryKey, id, patch) === 0) {
        throw new Error(`no saved plan item ${id} for ${libraryKey}`);
      }
    },
    loadPlan: <Item extends StoredPlanItem>(libraryKey: string) =>
      selectPlan.get(libraryKey) ? (readItems(libraryKey) as Item[]) : null,
    recordRun(libraryKey, run) {
      insertRun.run(libraryKey, run.startedAtMs, run.endedAtMs, JSON.stringify(run.counts));
    },
    recentRuns: (libraryKey, limit = 10) =>
      (selectRuns.all(libraryKey, limit) as { started_at_ms: number; ended_at_ms: number; counts: string }[]).map(
        (row) => ({ startedAtMs: row.started_at_ms, endedAtMs: row.ended_at_ms, counts: JSON.parse(row.counts) }),
      ),
  };
}

const PATCHABLE_FIELDS = new Set(["status", "attempts", "error", "match", "skipReason", "target"]);

/**
 * One UPDATE that sets or removes top-level fields of the item JSON. Not json_patch: a merge patch drops null
 * members at every depth, and a candidate's provider `data` may hold nulls. bun caches the statement per SQL text,
 * and an executor uses a handful of field combinations, so each call is a prepared single-row update.
 */
function patchStatement(patch: PlanItemPatch): { sql: string; values: string[] } {
  const removed: string[] = [];
  const setters: string[] = [];
  const values: string[] = [];
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!PATCHABLE_FIELDS.has(field)) throw new TypeError(`plan items cannot be patched at ${field}`);
    if (value === null) removed.push(`'$.${field}'`);
    else {
      values.push(JSON.stringify(value));
      setters.push(`'$.${field}', json(?${3 + values.length})`);
    }
  }
  let item = removed.length > 0 ? `json_remove(item, ${removed.join(", ")})` : "item";
  if (setters.length > 0) item = `json_set(${item}, ${setters.join(", ")})`;
  return {
    sql: `UPDATE plan_items SET item = ${item}, status = coalesce(?3, status) WHERE library_key = ?1 AND id = ?2`,
    values,
  };
}
