/**
 * The one schema of a full ISO calendar date (YYYY-MM-DD, month 01–12, day 01–31), for every
 * message, pack and page date that must be a day. zod/mini, so it fits the protocol's schemas;
 * the pack schema (full zod) takes it as it is.
 */
import * as z from 'zod/mini';

/** YYYY-MM-DD with a month and day in range. */
export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A full ISO calendar date. */
export const IsoDate = z.string().check(z.regex(ISO_DAY, 'expected YYYY-MM-DD'));
