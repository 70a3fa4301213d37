/**
 * The parameters of `npm run deploy`: Hutong's own flags, checked and mapped onto the `hutong:*`
 * context keys the CDK app reads, and the `cdk deploy` options passed through. Pure: it reads no
 * file and calls no service, so every mistake is caught before a build or an AWS call.
 */
import { cdkOptions, contextFlags, deployFlags, list } from './deploy-flags.ts';

/** What a deploy was asked for. */
export interface DeployParameters {
  /** The configuration file to validate and put in place, when it is not hutong.config.json. */
  configFile?: string;
  region?: string;
  profile?: string;
  /** Every `hutong:*` context value, from flags and `-c`. */
  context: Record<string, string>;
  /** `cdk deploy` options other than Hutong's context: passed through as given. */
  cdkArgs: string[];
  help: boolean;
}

/** Any `hutong:*` context key the app reads, with its flag. */
export const knownContextKeys = contextFlags.map((flag) => flag.key);

const contextFlagsByName = new Map(contextFlags.map((flag) => [flag.flag, flag]));
const contextFlagsByKey = new Map(contextFlags.map((flag) => [flag.key, flag]));

/** A wrong parameter: its message says what to change, and `--help` lists every flag. */
export class DeployParameterError extends Error {
  constructor(message: string) {
    super(`${message}\n\nRun \`npm run deploy -- --help\` for every parameter (docs/deploy.md).`);
    this.name = 'DeployParameterError';
  }
}

/** Splits `--flag=value` and `--flag value`, taking the next argument when the flag needs one. */
function takeValue(args: readonly string[], index: number, flag: string, inline?: string): [string, number] {
  if (inline !== undefined) return [inline, index];
  const next = args[index + 1];
  if (next === undefined || next.startsWith('--')) throw new DeployParameterError(`${flag} needs a value`);
  return [next, index + 1];
}

function setContext(parameters: DeployParameters, key: string, value: string, from: string): void {
  const flag = contextFlagsByKey.get(key);
  if (!flag) {
    throw new DeployParameterError(
      `Unknown context key ${key} (from ${from}). The app reads: ${knownContextKeys.join(', ')}`,
    );
  }
  try {
    flag.check(value);
  } catch (error) {
    throw new DeployParameterError(error instanceof Error ? error.message : String(error));
  }
  const before = parameters.context[key];
  if (before !== undefined && !flag.list) {
    throw new DeployParameterError(`${flag.flag} (${key}) is given twice: "${before}" and "${value}"`);
  }
  parameters.context[key] =
    before === undefined ? list(value).join(',') : `${before},${list(value).join(',')}`;
}

function unknownOption(name: string): DeployParameterError {
  const ours = [...contextFlags.map((f) => f.flag), ...deployFlags.map((f) => f.flag)].join(', ');
  return new DeployParameterError(
    `Unknown option ${name}.\nHutong's: ${ours}.\ncdk deploy's passed through: -c/--context, ` +
      `${Object.keys(cdkOptions).join(', ')}.\nAnything after a second -- goes to cdk deploy as it is.`,
  );
}

/**
 * Reads `npm run deploy -- <parameters>`: Hutong's flags become `hutong:*` context, `-c` and the
 * listed `cdk deploy` options pass through, and everything after a second `--` is cdk's alone.
 * Throws {@link DeployParameterError} on an unknown flag or a value of the wrong shape.
 * @example parseDeployParameters(['--domain', 'hutong.example.org', '--certificate', arn])
 */
export function parseDeployParameters(args: readonly string[]): DeployParameters {
  const parameters: DeployParameters = { context: {}, cdkArgs: [], help: false };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--') {
      parameters.cdkArgs.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-')) {
      throw new DeployParameterError(
        `Unexpected "${arg}": npm run deploy deploys the hutong stack; options start with --`,
      );
    }
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const contextFlag = contextFlagsByName.get(name);
    let value: string;
    if (name === '--help' || name === '-h') {
      parameters.help = true;
    } else if (contextFlag) {
      [value, index] = takeValue(args, index, name, inline);
      setContext(parameters, contextFlag.key, value, name);
    } else if (name === '-c' || name === '--context') {
      [value, index] = takeValue(args, index, name, inline);
      const equals = value.indexOf('=');
      if (equals <= 0) throw new DeployParameterError(`${name} takes key=value: "${value}"`);
      const key = value.slice(0, equals);
      if (key.startsWith('hutong:')) setContext(parameters, key, value.slice(equals + 1), `${name} ${key}`);
      else parameters.cdkArgs.push('-c', value);
    } else if (name === '--config' || name === '--region') {
      [value, index] = takeValue(args, index, name, inline);
      parameters[name === '--config' ? 'configFile' : 'region'] = value;
    } else if (name === '--profile') {
      [value, index] = takeValue(args, index, name, inline);
      parameters.profile = value;
      parameters.cdkArgs.push('--profile', value);
    } else if (name in cdkOptions) {
      parameters.cdkArgs.push(arg);
      if (cdkOptions[name] && inline === undefined) {
        [value, index] = takeValue(args, index, name);
        parameters.cdkArgs.push(value);
      }
    } else {
      throw unknownOption(name);
    }
  }
  checkTogether(parameters.context);
  return parameters;
}

/** Parameters that only make sense with another. */
function checkTogether(context: Record<string, string>): void {
  if (Boolean(context['hutong:domainName']) !== Boolean(context['hutong:certificateArn'])) {
    throw new DeployParameterError('--domain and --certificate go together: give both, or neither');
  }
  const lead = ['hutong:firstLeadCommunity', 'hutong:firstLeadUsername'].some((key) => key in context);
  if (lead && !context['hutong:firstLeadEmail']) {
    throw new DeployParameterError(
      '--lead-community and --lead-name need --lead-email: the invitation goes there',
    );
  }
}

/** The first lead account a deploy creates, when asked (`--lead-email`). */
export interface FirstLead {
  email: string;
  username: string;
  community: string;
}

/**
 * The first lead from the `hutong:firstLead*` context, with its defaults (the only community, if
 * there is one; username `lead-<community>`), or undefined when no lead email is given. The deploy
 * checks it before anything runs, and the stack reads it the same way.
 * @example firstLead((key) => app.node.tryGetContext(key), ['lanting', 'wutong'])
 */
export function firstLead(
  read: (key: string) => unknown,
  communities: readonly string[],
): FirstLead | undefined {
  const value = (key: string) => {
    const given = read(key);
    if (given === undefined || given === null || given === '') return undefined;
    contextFlagsByKey.get(key)?.check(String(given));
    return String(given);
  };
  const email = value('hutong:firstLeadEmail');
  if (!email) return undefined;
  const community =
    value('hutong:firstLeadCommunity') ?? (communities.length === 1 ? communities[0] : undefined);
  if (!community || !communities.includes(community)) {
    throw new Error(
      `--lead-community (hutong:firstLeadCommunity): ${community ? `"${community}" is not` : 'name'} one of ` +
        `the configuration's communities: ${communities.join(', ')}`,
    );
  }
  return { email, community, username: value('hutong:firstLeadUsername') ?? `lead-${community}` };
}

/**
 * What a deploy with these settings (`hutong:*` context from the flags and cdk.json) leaves out
 * that a person would want to know before it runs: each a sentence saying what to add. Settings
 * are not remembered between deploys, so leaving one out removes what an earlier deploy made.
 * @example settingWarnings({ 'hutong:alertEmails': 'office@example.org' })
 */
export function settingWarnings(context: Readonly<Record<string, unknown>>): string[] {
  const given = (key: string) => {
    const value = context[key];
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '';
  };
  const warnings: string[] = [];
  if (!given('hutong:alertEmails') && !given('hutong:alertPhones')) {
    warnings.push(
      'Nobody will get urgent-report alerts: add --alert-email (or --alert-phone). A deploy without ' +
        'them removes the subscriptions an earlier deploy made.',
    );
  }
  if (!given('hutong:opsEmails')) {
    warnings.push('Nobody will get alarms or failed-build emails: add --ops-email.');
  }
  if (!given('hutong:domainName')) {
    warnings.push(
      'The portal will be on its *.cloudfront.net address: add --domain and --certificate for your own ' +
        '(and TLS 1.2 at least).',
    );
  }
  return warnings;
}

/** The `cdk deploy` arguments: the context as `-c key=value`, then the pass-through options. */
export function cdkDeployArgs(parameters: DeployParameters): string[] {
  const context = Object.entries(parameters.context).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  return [...context, ...parameters.cdkArgs];
}

/** `npm run deploy -- --help`. */
export function helpText(): string {
  const line = (flag: string, value: string, help: string) =>
    `  ${`${flag} ${value}`.trimEnd()}\n      ${help}`;
  return [
    'npm run deploy -- [parameters] [-- <cdk deploy options>]',
    '',
    'Deploys the hutong stack (and hutong-edge before it, outside us-east-1). Every parameter is',
    'checked before anything is built or any AWS call is made. See docs/deploy.md.',
    '',
    ...deployFlags.map((f) => line(f.flag, f.value, f.help)),
    ...contextFlags.map((f) => line(f.flag, f.value, `${f.help} [${f.key}]`)),
    '',
    'Passed to cdk deploy: -c/--context key=value (hutong:* keys are checked like the flags),',
    `${Object.keys(cdkOptions).join(' ')};`,
    'and anything after a second -- as it is.',
    '',
    'Example, a first deploy:',
    '  npm run deploy -- --config ./district.json --domain hutong.example.org \\',
    '    --certificate arn:aws:acm:us-east-1:111122223333:certificate/<id> \\',
    '    --alert-email office@example.org --ops-email it@example.org \\',
    '    --lead-email lead@example.org --lead-community lanting --backup daily-35',
  ].join('\n');
}
