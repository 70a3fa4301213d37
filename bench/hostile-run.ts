/**
 * `npm run bench:hostile [-- --cases N]`: generated hostile calls to every route of the local
 * runtime, public and staff (20,000 per route unless told), and the tally of what came back,
 * written as the "Hostile input" section of docs/reliability.md.
 */
import { parseArgs } from 'node:util';
import { routes } from '../functions/routes.ts';
import { measureHostileInput, type RouteTally } from './hostile.ts';
import { ranOn, writeReliability } from './reliability.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '20000' }, 'in-flight': { type: 'string', default: '8' } },
});
const cases = Number(values.cases);
const inFlight = Number(values['in-flight']);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(inFlight) || inFlight < 1) {
  console.error('Usage: npm run bench:hostile -- [--cases N] [--in-flight N]');
  process.exit(2);
}

const started = Date.now();
console.log(`Sending ${cases.toLocaleString('en')} hostile calls to each of ${routes.length} routes…`);
const tallies = await measureHostileInput(cases, {
  inFlight,
  onRoute: (t) =>
    console.log(
      `  ${t.route}: ${t.cases} calls, ${t.serverErrors} × 5xx, ${t.improper} improper, ${t.written} written`,
    ),
});
const minutes = (Date.now() - started) / 60_000;
const sum = (pick: (t: RouteTally) => number) => tallies.reduce((total, t) => total + pick(t), 0);
const statuses = (t: RouteTally) =>
  Object.entries(t.byStatus)
    .map(([code, count]) => `${code}: ${count}`)
    .join(', ');

writeReliability([
  [
    '## Hostile input',
    '',
    ranOn(),
    '',
    `Command: \`npm run bench:hostile -- --cases ${cases}\` (${minutes.toFixed(1)} min). ` +
      `${cases.toLocaleString('en')} generated calls to each of the ${routes.length} routes of \`functions/routes.ts\`, ` +
      `${inFlight} in flight, against a fresh local runtime. The generators (\`test/support/hostile.ts\`, ` +
      '`hostile-calls.ts`) make path parameters (sometimes a real report, workshop or handout, often nearly one, ' +
      'malformed percent-encoding, traversal, 3,000 characters), query strings, `Accept-Language` and ' +
      '`Idempotency-Key` headers, and for POST and PUT bodies: random JSON, wrong types, huge strings, deep ' +
      'nesting, invalid UTF-8, prototype keys, wrong content types, truncated bodies, and bodies shaped for the ' +
      'route with one field wrong (office actions, workshop drafts, review steps, handout-shaped bytes). Staff ' +
      'routes get a genuine token of a role they admit (a lead on the office routes, a trainer on workshops, a ' +
      'reviewer on review steps), so calls reach the handlers’ validation.',
    '',
    'Every refusal must be a 4xx in the error shape (a form post may get an HTML page), never a 5xx; a call ' +
      'nothing answered (the connection closed) is tallied as status 0 and counts as improper. The table ' +
      'and the uploads folder are compared before and after each batch in which every call was refused: ' +
      '"written" counts what such batches changed. A call that may succeed and write (a real target and a ' +
      'shaped body) is sent alone, so an accepted one explains its own writes; "unchecked" counts refused calls ' +
      'that shared a batch with an accepted, writing one.',
    '',
    `**Total: ${sum((t) => t.cases).toLocaleString('en')} calls, ${sum((t) => t.serverErrors)} × 5xx, ` +
      `${sum((t) => t.improper)} improper refusals, ${sum((t) => t.written)} items written by refused calls, ` +
      `${sum((t) => t.unchecked)} unchecked.**`,
    '',
    '| route | calls | answers by status | accepted (2xx) | improper refusals | 5xx | written by refused calls | unchecked |',
    '|---|---:|---|---:|---:|---:|---:|---:|',
    ...tallies.map((t) => {
      const examples = t.examples.length ? ` (${t.examples.join('; ').replaceAll('|', '\\|')})` : '';
      return `| \`${t.route}\` | ${t.cases} | ${statuses(t)} | ${t.accepted} | ${t.improper}${examples} | ${t.serverErrors} | ${t.written} | ${t.unchecked} |`;
    }),
  ],
]);
