import { z } from 'zod';

/**
 * Imported first by each page entry, before any module builds a schema: zod 4 decides its JIT when an object schema
 * is built, probing `new Function('')` unless told not to, and the page's CSP (no 'unsafe-eval') reports that probe.
 */
z.config({ jitless: true });
