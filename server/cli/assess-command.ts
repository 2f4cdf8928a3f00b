import { parseArgs } from 'node:util';
import { assess } from '../assess';
import { fillCustomerMessage } from '../brief/customer-message';
import { OfflineBriefWriter } from '../brief/offline-writer';
import { DEFAULT_WAIT_MINUTES } from '../config';
import { parseConversation } from '../domain/conversation';
import type { Assessment } from '../domain/decision';
import { BatonError } from '../errors';
import type { CliIo, ExitCode } from './io';
import { loadExamples } from './load-examples';
import { loadKb, loadPolicy, UsageError } from './load-options';
import { readSource, splitInput } from './read-input';

export const ASSESS_USAGE = `Usage: baton assess [FILE|-] [--kb DIR] [--config FILE] [--examples FILE]

Reads one conversation (a JSON document) or many (JSONL, one per line; or a JSON array) from FILE, or
from stdin when FILE is "-" or absent, and prints one assessment per line (JSONL) in input order: the
decision and the offline brief, the same fields as POST /v1/assess.

Options:
  --kb DIR         knowledge-base articles as Markdown files (front matter id, title, url optional)
  --config FILE    tenant policy as JSON (refund_threshold, confidence_threshold, queues, ...)
  --examples FILE  the tenant's own labelled sentences for the intent model (JSON array or JSONL of
                   {"text", "code" and/or "category"}), added to the policy's intent_examples
  -h, --help       show this help

A record that is not a valid conversation prints {"error": {"code", "message", "field", "line"}} and
the run goes on. Exit code: 0 all assessed, 1 some record failed, 2 bad arguments or configuration.
"now" for each conversation is its occurred_at, else the time of the run. With no queue to look at,
brief.customer_message promises the default wait (10 minutes) and first place in line.`;

/**
 * The command line sees no queue, so the customer message is filled as a quiet queue would fill it:
 * the server's default wait (DEFAULT_WAIT_MINUTES unset) and first in line. No placeholder reaches
 * a reader.
 */
const CLI_STANDING = { waitMinutes: DEFAULT_WAIT_MINUTES, position: 1 };

function withStanding(assessment: Assessment): Assessment {
  const customerMessage = fillCustomerMessage(assessment.brief.customer_message, CLI_STANDING);
  return { ...assessment, brief: { ...assessment.brief, customer_message: customerMessage } };
}

interface LineError {
  code: string;
  message: string;
  field?: string;
  line: number;
}

function errorLine(error: LineError): string {
  return JSON.stringify({ error: error }) + '\n';
}

export async function assessCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kb: { type: 'string' },
      config: { type: 'string' },
      examples: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(ASSESS_USAGE + '\n');
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`assess takes at most one FILE, got ${positionals.length}`);

  const policy = await loadExamples(values.examples, await loadPolicy(values.config, io.stderr));
  const kb = await loadKb(values.kb);
  const writer = new OfflineBriefWriter();
  const file = positionals[0];
  let text: string;
  try {
    text = await readSource(file, io.stdin);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }

  const runTime = io.now();
  let failed = false;
  // Sequential on purpose: output order is input order, and the rules take milliseconds.
  for (const record of splitInput(text)) {
    if ('error' in record) {
      failed = true;
      io.stdout(errorLine({ ...record.error, line: record.line }));
      continue;
    }
    try {
      const conversation = parseConversation(record.value);
      const assessment = await assess(conversation, { policy, kb, writer, receivedAt: runTime });
      io.stdout(JSON.stringify(withStanding(assessment)) + '\n');
    } catch (err) {
      failed = true;
      if (err instanceof BatonError) {
        io.stdout(errorLine({ code: err.code, message: err.message, field: err.field, line: record.line }));
      } else {
        // An engine fault on one conversation must not hide the answers for the others.
        io.stdout(errorLine({ code: 'internal_error', message: (err as Error).message, line: record.line }));
      }
    }
  }
  return failed ? 1 : 0;
}
