/**
 * zod/mini carries no messages of its own: without a locale every issue reads "Invalid input". The
 * English ones ("expected string, received number", "Too small: expected string to have >=1
 * characters") are what people read in the queue's problems, the team map's and the settings'
 * warnings, and the log. zod keeps this setting on `globalThis`, so it holds for every schema in
 * the extension host, whichever bundle made it; modules whose messages reach people import this
 * one so that it is set wherever they are used.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());
