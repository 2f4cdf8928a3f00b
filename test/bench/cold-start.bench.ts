import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inThreadAssessor } from '../../server/assess';
import { OfflineBriefWriter } from '../../server/brief/offline-writer';
import { parseConversation } from '../../server/domain/conversation';
import { DEFAULT_POLICY } from '../../server/domain/policy';
import { loadKnowledgeBase } from '../../server/kb/load-markdown';
import { warmUp } from '../../server/warm-up';

/**
 * `npm run bench:cold-start`: what the first conversations cost a fresh process, with and without
 * the warm-up the server runs before it listens (server/warm-up.ts). Each mode runs in a process of
 * its own (compiled code is per process), both in this run: the first assessment in each language,
 * on conversations that are not the warm-up's, then the same conversations again (warm).
 */

const FIRST_IN_EACH_LANGUAGE: Record<string, string> = {
  en: 'The blender I bought two weeks ago stopped working and smells of burning. I want my money back, this is the second one that broke.',
  es: 'La licuadora que compré hace dos semanas dejó de funcionar y huele a quemado. Quiero que me devuelvan el dinero, es la segunda que se rompe.',
  fr: "Le mixeur que j'ai acheté il y a deux semaines ne marche plus et sent le brûlé. Je veux être remboursé, c'est le deuxième qui casse.",
  de: 'Der Mixer, den ich vor zwei Wochen gekauft habe, funktioniert nicht mehr und riecht verbrannt. Ich möchte mein Geld zurück, das ist schon der zweite.',
  pt: 'O liquidificador que comprei há duas semanas parou de funcionar e está com cheiro de queimado. Quero meu dinheiro de volta, é o segundo que quebra.',
  it: 'Il frullatore che ho comprato due settimane fa ha smesso di funzionare e puzza di bruciato. Voglio i miei soldi indietro, è il secondo che si rompe.',
  nl: 'De blender die ik twee weken geleden heb gekocht werkt niet meer en ruikt verbrand. Ik wil mijn geld terug, dit is al de tweede die kapot gaat.',
};

async function child(mode: 'warm-up' | 'none'): Promise<void> {
  const kb = await loadKnowledgeBase(path.join(__dirname, '../../server/kb/sample-store'));
  const assessor = inThreadAssessor(new OfflineBriefWriter(), kb);
  const warm = mode === 'warm-up' ? await warmUp(assessor) : undefined;
  const time = async () => {
    const ms: Record<string, number> = {};
    for (const [language, text] of Object.entries(FIRST_IN_EACH_LANGUAGE)) {
      const conversation = parseConversation({ id: `first-${language}`, messages: [{ role: 'customer', text }] });
      const t0 = performance.now();
      await assessor.assess(conversation, { policy: DEFAULT_POLICY });
      ms[language] = performance.now() - t0;
    }
    return ms;
  };
  const first = await time();
  const again = await time();
  process.stdout.write(JSON.stringify({ warm, first, again }));
}

function run(mode: string): { warm?: { regexes: number; assessed: number; ms: number }; first: Record<string, number>; again: Record<string, number> } {
  const out = spawnSync(process.execPath, ['--require', 'tsx/cjs', __filename, mode], { encoding: 'utf8', cwd: path.join(__dirname, '../..') });
  if (out.status !== 0) throw new Error(`${mode} run failed:\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

function main(): void {
  const rows = [
    { name: 'no warm-up', ...run('none') },
    { name: 'after warmUp()', ...run('warm-up') },
  ];
  const languages = Object.keys(FIRST_IN_EACH_LANGUAGE);
  const loadavg = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model ?? 'unknown'}), load average ${loadavg}\n`);
  console.log('first assessment of a one-message conversation in each language, ms (then the same again)\n');
  console.log(['start', 'warm-up ms', ...languages, 'total', 'again (total)'].join(' | '));
  for (const row of rows) {
    const total = languages.reduce((sum, l) => sum + row.first[l]!, 0);
    const again = languages.reduce((sum, l) => sum + row.again[l]!, 0);
    console.log(
      [row.name, row.warm ? `${row.warm.ms} (${row.warm.assessed} assessed)` : '-', ...languages.map((l) => row.first[l]!.toFixed(1)), total.toFixed(0), again.toFixed(1)].join(
        ' | ',
      ),
    );
  }
}

const mode = process.argv[2];
if (mode === 'warm-up' || mode === 'none') {
  child(mode).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  main();
}
