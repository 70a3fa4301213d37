/**
 * A trainer's workshop and sessions as the console sends them, for tests: valid against
 * `workshopSchema` and `sessionInputSchema`, with a translation key of its own each time.
 */

/** A valid workshop in `language`; `translationKey` is fresh unless given. */
export function sampleWorkshop(language: 'zh-CN' | 'en' = 'en', translationKey?: string) {
  return {
    title:
      language === 'en' ? 'Safe at the bus stop: a walk with parents' : '上学路上的安全：和家长一起走一走',
    summary:
      language === 'en'
        ? 'Parents walk the route to school with a trainer and agree where children can go for help.'
        : '家长和培训师一起走一遍上学的路，商量好孩子遇到问题时可以去哪里求助。',
    language,
    translationKey: translationKey ?? `walk-to-school-${crypto.randomUUID().slice(0, 8)}`,
    audience: 'parents',
    groupSize: { min: 4, max: 12 },
    durationMinutes: 60,
    objectives: ['Name three safe places on the way to school.'],
    agenda: [
      { minutes: 15, activity: 'Welcome, and the map of the route.' },
      { minutes: 45, activity: 'The walk, stopping at each safe place.' },
    ],
    materials: ['A printed map of the neighbourhood.'],
    facilitatorNotes: 'Walk the route yourself the day before.',
    safeguardingNotes:
      'If a child tells you about harm, listen, stay calm and tell the community office the same day.',
    handout: '# Safe places\n\nThe shop at the corner, the residents’ committee office, the school gate.',
  };
}

/** A valid upcoming session, without `workshop` and `id` (the server sets them). */
export function sampleSession(overrides: Record<string, unknown> = {}) {
  return {
    date: '2099-06-14',
    start: '09:30',
    end: '10:30',
    place: 'The residents’ committee office, 12 Lanting Lane',
    capacity: 12,
    language: 'en',
    audience: 'parents',
    signUp: { method: 'phone', phone: '0571-8888 1234' },
    ...overrides,
  };
}
