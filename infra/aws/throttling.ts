/**
 * Every request-rate limit of the AWS deployment, in one place: API Gateway's stage and route
 * throttling (a token bucket shared by all callers) and the WAF's per-IP rate rule at the edge.
 * Plain numbers; `portal-api.ts` and `web-acl.ts` apply them, docs/deploy.md explains them.
 *
 * What they are sized for: one deployment serves a district's community offices. The app's own
 * caps (`limits` in hutong.config.json) allow 1,000 reports an hour for the whole deployment,
 * about 0.3 a second; a busy hour (a school assembly, a campaign) may bring a quarter of that in
 * five minutes, about 1 a second. Every limit below sits several times above that peak, so a
 * person is never turned away by a throttle before the app's caps answer with their 429 and the
 * "call 110" message. They exist to bound the cost of abuse, not to meter people.
 */

/** API Gateway throttling: requests per second (steady) and the bucket size (burst). */
export interface Throttle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * The stage default, for every route without its own entry below (health, the OpenAPI document).
 * Those are cheap and cacheable by nobody but the caller; 20/s is far above what one office's
 * site, its monitoring and a developer reading the API will ever send.
 */
export const stageThrottle: Throttle = { rateLimit: 20, burstLimit: 40 };

/**
 * Tighter limits on the public routes that do real work. Each is a ceiling for everyone together,
 * whatever their IP address, so it also bounds what a botnet can make us spend.
 * - Reports: 5/s is 18,000 an hour, 18 times the deployment's hourly cap and about 5 times a
 *   busy hour's peak; each costs one scrypt hash and two writes.
 * - Challenges: every report and follow-up fetches one, and the page fetches another when one
 *   expires while the person types, so twice the reports' rate. A challenge is one HMAC.
 * - Follow-ups: reading a report by receipt costs one scrypt hash, and this is the ceiling on
 *   receipt guessing for the whole Internet: 5/s is 432,000 guesses a day against 10^16 receipts
 *   (docs/threat-model.md does the arithmetic). People follow up far less often than they report.
 * - Messages: a reporter adds information or answers the office; rarer still.
 */
export const routeThrottles: Readonly<Record<string, Throttle>> = {
  'POST /api/reports': { rateLimit: 5, burstLimit: 20 },
  'GET /api/challenge': { rateLimit: 10, burstLimit: 40 },
  'POST /api/followup': { rateLimit: 5, burstLimit: 20 },
  'POST /api/followup/messages': { rateLimit: 2, burstLimit: 10 },
};

/**
 * The WAF rate-based rule on `POST /api/*`: at most this many requests per client IP in each
 * window, then the IP is blocked (429) until its rate falls below the limit again.
 * One person sends two or three POSTs per report or follow-up. A school class of 40 reporting
 * together from one address, or many phones behind a mobile carrier's shared address (CGNAT, common
 * in China), stays under 300 in five minutes; one machine sending a request a second does not.
 * WAF allows windows of 60, 120, 300 or 600 seconds, and a limit of at least 10.
 */
export const edgeRateLimit = { requestsPerWindow: 300, windowSeconds: 300 } as const;
