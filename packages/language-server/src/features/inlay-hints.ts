/**
 * Inlay hints: the running weight total after each weight of a position, and inside a context
 * the effective values around each override: the position's total in the context, the base
 * weight an override replaces (or the weight it keeps), and the base target it replaces.
 */
import {
  comparePositions,
  decimal,
  describeInterval,
  valueWriter,
  type Position as CorePosition,
  type Range,
} from '@kpilang/core';
import { InlayHintKind, type InlayHint } from 'vscode-languageserver/node';
import type { FrameworkView } from '../server.js';

export function inlayHints(view: FrameworkView, uri: string, range: Range): InlayHint[] {
  const file = view.analysis.checked.files.find((candidate) => candidate.uri === uri);
  const found = view.analysis.checked.model;
  const hints: InlayHint[] = [];
  const add = (position: CorePosition, label: string, tooltip: string): void => {
    if (comparePositions(position, range.start) < 0 || comparePositions(range.end, position) < 0)
      return;
    hints.push({ position, label, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip });
  };

  for (const decl of file?.declarations ?? []) {
    if (decl.kind === 'PositionDecl') {
      const weighted = decl.assignments.filter((assignment) => assignment.weight);
      if (weighted.length < 2) continue;
      let total = decimal.decimalFromInt(0);
      for (const assignment of weighted) {
        if (!assignment.weight) continue;
        total = decimal.add(total, assignment.weight.value);
        add(
          assignment.weight.range.end,
          `Σ ${decimal.toText(total)}%`,
          'The weights so far in this position.',
        );
      }
    }
    if (decl.kind !== 'ContextDecl') continue;
    const context = found.contexts.find((candidate) => candidate.node === decl);
    for (const override of decl.overrides) {
      if (override.kind === 'IndicatorOverride') {
        const base = found.indicators.find((indicator) => indicator.id === override.indicator.text);
        if (base?.target && override.target) {
          const write = valueWriter(base.unit);
          add(
            override.target.range.end,
            `was ${describeInterval(base.target, write, base.domain)}`,
            'The target this context replaces.',
          );
        }
        continue;
      }
      const id = override.position?.text;
      const basePosition = found.positions.find((position) => position.id === id);
      const effective = context?.positions.find((position) => position.id === id);
      if (effective && override.position) {
        add(
          override.position.range.end,
          `total ${decimal.toText(effective.total)}%`,
          `The weights of '${id}' in this context sum to this.`,
        );
      }
      for (const assignment of override.assignments) {
        const base = basePosition?.indicators.find(
          (entry) => entry.indicator === assignment.indicator.text,
        );
        if (!base) continue;
        if (assignment.weight) {
          add(
            assignment.weight.range.end,
            `was ${decimal.toText(base.weight)}%`,
            'The base weight this context replaces.',
          );
        } else {
          add(
            assignment.indicator.range.end,
            `weight ${decimal.toText(base.weight)}%`,
            'The weight it keeps from the base position.',
          );
        }
      }
    }
  }
  return hints;
}
