import type { Sql } from '../../server/store/types';

/** One node of a plan that reads a table: its type (Seq Scan, Index Scan, …) and the index it uses. */
export interface TableScan {
  type: string;
  relation: string;
  index: string | null;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * The nodes of `text`'s plan (EXPLAIN (FORMAT JSON), with `params`) that read `relation`, or, with
 * a RegExp, every relation whose name matches (a partitioned table's partitions). A Bitmap Heap
 * Scan is named by the index of its Bitmap Index Scan.
 */
export async function scansOf(sql: Sql, text: string, params: unknown[], relation: string | RegExp): Promise<TableScan[]> {
  const { rows } = await sql.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
  const raw = rows[0]!['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const matches = (name: string | undefined) => name !== undefined && (typeof relation === 'string' ? name === relation : relation.test(name));
  const found: TableScan[] = [];
  const visit = (node: PlanNode) => {
    if (matches(node['Relation Name'])) {
      const bitmapIndex = node['Node Type'] === 'Bitmap Heap Scan' ? indexBelow(node) : null;
      found.push({ type: node['Node Type'], relation: node['Relation Name']!, index: node['Index Name'] ?? bitmapIndex });
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  for (const entry of plan) visit(entry.Plan);
  return found;
}

/** The index of the Bitmap Index Scan under a Bitmap Heap Scan (the first, under a BitmapAnd/Or). */
function indexBelow(node: PlanNode): string | null {
  for (const child of node.Plans ?? []) {
    if (child['Index Name']) return child['Index Name'];
    const below = indexBelow(child);
    if (below) return below;
  }
  return null;
}
