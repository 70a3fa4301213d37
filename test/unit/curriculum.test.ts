/**
 * The curriculum that ships: every workshop module under `site/src/content/workshops/<lang>/<slug>.yaml`
 * is read as a trainer's workshop would be, and must keep the promises the issue makes for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { languages } from '../../functions/domain/languages.ts';
import { type WorkshopAudience, workshopSchema } from '../../functions/domain/workshop.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../site/src/content/workshops');

/** The audiences issue 6 asks the shipped curriculum to serve; 13–17 is optional. */
const requiredAudiences: WorkshopAudience[] = [
  'committee_and_volunteers',
  'parents',
  'left_behind_families',
  'mandated_reporters',
  'children_6_8',
  'children_9_12',
];

/** The fields a module file holds: the schema's, less those its path gives. */
const fileFields = Object.keys(workshopSchema.shape)
  .filter((key) => key !== 'language' && key !== 'translationKey')
  .sort();

interface ModuleFile {
  /** The file's path under the workshops collection, for messages. */
  file: string;
  /** The YAML as written, with `language` and `translationKey` added from the path. */
  data: Record<string, unknown>;
}

/** Reads every module file; a file that is not a YAML mapping fails here, naming the file. */
function readModules(): ModuleFile[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.yaml'))
    .sort()
    .map((path) => {
      const file = relative(root, join(root, path));
      let written: unknown;
      try {
        written = parse(readFileSync(join(root, path), 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not valid YAML`, { cause: error });
      }
      if (written === null || typeof written !== 'object' || Array.isArray(written))
        throw new Error(`${file} does not hold a YAML mapping`);
      return {
        file,
        data: {
          ...written,
          language: dirname(file),
          translationKey: basename(file, '.yaml'),
        },
      };
    });
}

const modules = readModules();

describe('the shipped curriculum', () => {
  it('has every module validate against the workshop schema', () => {
    // Act
    const failures = modules.flatMap(({ file, data }) => {
      const result = workshopSchema.safeParse(data);
      return result.success
        ? []
        : result.error.issues.map(({ path, message, input: _, ...detail }) => {
            // zod/mini says only "Invalid input"; the code and limits say what to fix.
            return `${file} › ${path.join('.') || '(root)'}: ${message} ${JSON.stringify(detail)}`;
          });
    });
    // Assess
    expect(modules.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('has each file hold exactly the schema fields, leaving language and key to its path', () => {
    // Act
    const mismatched = modules
      .map(({ file, data }) => ({
        file,
        fields: Object.keys(data)
          .filter((key) => key !== 'language' && key !== 'translationKey')
          .sort(),
      }))
      .filter(({ fields }) => fields.join() !== fileFields.join());
    const naming = modules.map(({ file }) => file).filter((file) => !/^[^/]+\/[^/]+\.yaml$/.test(file));
    // Assess
    expect(mismatched).toEqual([]);
    expect(naming).toEqual([]);
    for (const { file } of modules) {
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/^(language|translationKey):/m);
    }
  });

  it('offers every module in both languages, alike in audience, length, group size and agenda', () => {
    // Prepare
    const byKey = new Map<string, Record<string, unknown>[]>();
    for (const { data } of modules) {
      const key = String(data.translationKey);
      byKey.set(key, [...(byKey.get(key) ?? []), data]);
    }
    // Act
    const shapes = [...byKey].map(([key, twins]) => ({
      key,
      languages: twins.map((twin) => String(twin.language)).sort(),
      shapes: twins.map((twin) => ({
        audience: twin.audience,
        durationMinutes: twin.durationMinutes,
        groupSize: twin.groupSize,
        agendaItems: Array.isArray(twin.agenda) ? twin.agenda.length : undefined,
      })),
    }));
    // Assess
    for (const { key, languages: found, shapes: twins } of shapes) {
      expect(found, key).toEqual([...languages].sort());
      for (const twin of twins) expect(twin, key).toEqual(twins[0]);
    }
  });

  it('serves committees, parents, left-behind families, mandated reporters and both children’s age groups', () => {
    // Act
    const served = new Set(modules.map(({ data }) => data.audience));
    // Assess
    expect(requiredAudiences.filter((audience) => !served.has(audience))).toEqual([]);
  });

  it('gives on every handout the emergency number, the hotlines and the portal’s report page', () => {
    // Act
    const missing = modules.flatMap(({ file, data }) =>
      ['110', '12345', '12355', '/report/']
        .filter((needed) => !String(data.handout ?? '').includes(needed))
        .map((needed) => `${file} lacks ${needed}`),
    );
    // Assess
    expect(missing).toEqual([]);
  });

  it('writes notes and handouts as Markdown without HTML, which the site would not render', () => {
    // Act
    const withHtml = modules.flatMap(({ file, data }) =>
      ['facilitatorNotes', 'safeguardingNotes', 'handout']
        .filter((key) => /<\/?[a-z!]/i.test(String(data[key] ?? '')))
        .map((key) => `${file} › ${key}`),
    );
    // Assess
    expect(withHtml).toEqual([]);
  });

  it('tells the facilitator in every module’s safeguarding notes to call 110 when a child is in danger', () => {
    // Act
    const silent = modules
      .filter(({ data }) => !/(^|\D)110(\D|$)/.test(String(data.safeguardingNotes ?? '')))
      .map(({ file }) => file);
    // Assess
    expect(silent).toEqual([]);
  });
});
