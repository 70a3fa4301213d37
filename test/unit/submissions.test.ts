/**
 * The submission protocol's decisions, with the store's single-item writes replaced by a
 * scripted table, so every race and crash the real database can only produce by chance is
 * played out on purpose. The integration tests run the same protocol against the real store.
 */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TooManyReportsError } from '../../functions/domain/errors.ts';
import {
  fingerprint,
  idempotencyKeys,
  sealReceipt,
  unsealReceipt,
} from '../../functions/domain/idempotency.ts';
import type { ReportInput } from '../../functions/domain/report.ts';

const salt = Buffer.alloc(48, 3);

const store = vi.hoisted(() => ({
  claimIdempotency: vi.fn(),
  putReportIfAbsent: vi.fn(),
  isOwnSubmission: vi.fn(),
  resealIdempotency: vi.fn(),
  enforceCaps: vi.fn(),
}));

vi.mock('../../functions/store/receipt-salt.ts', () => ({ receiptSalt: async () => salt }));
vi.mock('../../functions/store/caps.ts', () => ({ enforceCaps: store.enforceCaps }));
vi.mock('../../functions/store/idempotency.ts', () => ({
  claimIdempotency: store.claimIdempotency,
  resealIdempotency: store.resealIdempotency,
}));
vi.mock('../../functions/store/reports.ts', async () => {
  const { reportItem } = await vi.importActual<typeof import('../../functions/store/reports.ts')>(
    '../../functions/store/reports.ts',
  );
  return { putReportIfAbsent: store.putReportIfAbsent, isOwnSubmission: store.isOwnSubmission, reportItem };
});
vi.stubEnv('TABLE_NAME', 'reports');

const { acceptReport } = await import('../../functions/store/submissions.ts');

const report: ReportInput = {
  community: 'lanting',
  categories: ['neglect'],
  reporterRole: 'resident',
  childAgeBand: '8-13',
  immediateDanger: false,
  description: 'Left alone every night.',
  location: undefined,
  ongoing: undefined,
  contact: undefined,
  language: 'en',
};

const caps = { reportsPerHourPerCommunity: 30, reportsPerHour: 1000, formReportsPerHourPerCommunity: 10 };
const options = { channel: 'api', caps } as const;

/** Makes the claim come back as written by us: the first attempt with this key. */
function claimIsOurs() {
  store.claimIdempotency.mockImplementation(async (_name: string, claim: unknown) => claim);
}

/** Makes the claim come back as an earlier attempt left it, holding `receipt`. */
function claimedEarlier(key: string, receipt: string, body: ReportInput = report) {
  const keys = idempotencyKeys(key, salt);
  store.claimIdempotency.mockResolvedValue({
    sealed: sealReceipt(receipt, keys.sealKey),
    fingerprint: fingerprint(body, keys.macKey),
  });
}

beforeEach(() => {
  for (const fn of Object.values(store)) fn.mockReset();
});

describe('acceptReport', () => {
  it('claims the key, then stores the report: two writes', async () => {
    // Prepare
    claimIsOurs();
    store.putReportIfAbsent.mockResolvedValue('created');
    // Act
    const accepted = await acceptReport(report, { idempotencyKey: randomUUID(), ...options });
    // Assess
    expect(accepted).toMatchObject({ urgent: false, replayed: false });
    expect(store.claimIdempotency).toHaveBeenCalledTimes(1);
    expect(store.putReportIfAbsent).toHaveBeenCalledTimes(1);
    expect(store.isOwnSubmission).not.toHaveBeenCalled();
  });

  it('keeps its receipt when a concurrent retry of the same submission stored the report first', async () => {
    // Prepare
    claimIsOurs();
    store.putReportIfAbsent.mockResolvedValue('exists');
    store.isOwnSubmission.mockResolvedValue(true);
    const key = randomUUID();
    // Act
    const accepted = await acceptReport(report, { idempotencyKey: key, ...options });
    // Assess: no second report, and the receipt is the one the claim holds, which the retry also answered.
    expect(store.putReportIfAbsent).toHaveBeenCalledTimes(1);
    expect(store.resealIdempotency).not.toHaveBeenCalled();
    const sealed = store.claimIdempotency.mock.calls[0]?.[1].sealed;
    expect(unsealReceipt(sealed, idempotencyKeys(key, salt).sealKey)).toBe(accepted.receipt);
  });

  it('draws a new receipt and re-seals its claim when another report holds the receipt', async () => {
    // Prepare
    claimIsOurs();
    store.putReportIfAbsent.mockResolvedValueOnce('exists').mockResolvedValueOnce('created');
    store.isOwnSubmission.mockResolvedValue(false);
    // Act
    const accepted = await acceptReport(report, { idempotencyKey: randomUUID(), ...options });
    // Assess
    const [first, second] = store.putReportIfAbsent.mock.calls.map(([item]) => item.pk);
    expect(first).not.toBe(second);
    expect(store.resealIdempotency).toHaveBeenCalledTimes(1);
    expect(accepted.replayed).toBe(false);
  });

  it('answers a retry with the first receipt after one confirming write, storing nothing', async () => {
    // Prepare
    const key = randomUUID();
    claimedEarlier(key, '1111 2222 3333 4444');
    store.isOwnSubmission.mockResolvedValue(true);
    // Act
    const accepted = await acceptReport(report, { idempotencyKey: key, ...options });
    // Assess
    expect(accepted).toEqual({ receipt: '1111 2222 3333 4444', urgent: false, replayed: true });
    expect(store.putReportIfAbsent).not.toHaveBeenCalled();
  });

  it('stores the report for a retry whose first attempt stopped after its claim', async () => {
    // Prepare
    const key = randomUUID();
    claimedEarlier(key, '1111 2222 3333 4444');
    store.isOwnSubmission.mockResolvedValue(false);
    store.putReportIfAbsent.mockResolvedValue('created');
    // Act
    const accepted = await acceptReport(report, { idempotencyKey: key, ...options });
    // Assess
    expect(accepted.receipt).toBe('1111 2222 3333 4444');
    expect(store.putReportIfAbsent).toHaveBeenCalledTimes(1);
    expect(store.putReportIfAbsent.mock.calls[0]?.[0].submission).toBe(idempotencyKeys(key, salt).name);
  });

  it('refuses a reused key with a different body before writing anything else', async () => {
    // Prepare
    const key = randomUUID();
    claimedEarlier(key, '1111 2222 3333 4444', { ...report, description: 'Something else entirely.' });
    // Act
    const attempt = acceptReport(report, { idempotencyKey: key, ...options });
    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'IdempotencyConflictError', statusCode: 422 });
    expect(store.putReportIfAbsent).not.toHaveBeenCalled();
  });

  it('without a key, writes the report alone and treats a taken receipt as a collision', async () => {
    // Prepare
    store.putReportIfAbsent.mockResolvedValueOnce('exists').mockResolvedValueOnce('created');
    // Act
    const accepted = await acceptReport(report, options);
    // Assess
    expect(store.claimIdempotency).not.toHaveBeenCalled();
    expect(store.isOwnSubmission).not.toHaveBeenCalled();
    expect(store.putReportIfAbsent).toHaveBeenCalledTimes(2);
    expect(accepted.replayed).toBe(false);
  });

  it('refuses a new report over an hourly cap before storing it', async () => {
    // Prepare
    claimIsOurs();
    store.enforceCaps.mockRejectedValue(new TooManyReportsError('en', 600));
    // Act
    const attempt = acceptReport(report, { idempotencyKey: randomUUID(), ...options });
    // Assess
    await expect(attempt).rejects.toMatchObject({ statusCode: 429, headers: { 'retry-after': '600' } });
    expect(store.putReportIfAbsent).not.toHaveBeenCalled();
  });

  it('still answers a retry of a stored submission when the cap has since been reached', async () => {
    // Prepare
    const key = randomUUID();
    claimedEarlier(key, '1111 2222 3333 4444');
    store.isOwnSubmission.mockResolvedValue(true);
    store.enforceCaps.mockRejectedValue(new TooManyReportsError('en', 600));
    // Act
    const accepted = await acceptReport(report, { idempotencyKey: key, ...options });
    // Assess
    expect(accepted.receipt).toBe('1111 2222 3333 4444');
    expect(store.enforceCaps).not.toHaveBeenCalled();
  });
});
