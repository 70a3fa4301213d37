/**
 * The deployment's configuration, validated once at load. Bundlers inline the JSON, so a
 * Lambda reads no file at run time; an invalid file fails the build or the cold start loudly.
 * `HUTONG_CONFIG_FILE` points the local runtime at another file (tests use it to set tiny caps);
 * it is never set in AWS.
 */
import { readFileSync } from 'node:fs';
import raw from '../hutong.config.json' with { type: 'json' };
import { parseDeployment } from './domain/deployment.ts';

const file = process.env.HUTONG_CONFIG_FILE;

/** This deployment's communities, phone lines, quick-exit targets, languages and limits. */
export const deployment = parseDeployment(file ? JSON.parse(readFileSync(file, 'utf8')) : raw);
