/**
 * Imports that still run against the layer order (tests/helpers/layer-order.ts), from before the
 * order was checked. Each is to be removed by moving code, never added to: the layer test fails on
 * an arrow that is not here, and on one here that is gone.
 */

export const knownBackArrows: readonly string[] = [];

export const knownCycles: readonly string[] = [];

/** Modules the renderer imports that pull in a database or Node package (bundled needlessly). */
export const knownImpure: readonly string[] = [];
