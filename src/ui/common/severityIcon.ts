/** A severity's icon, coloured by the theme (light, dark and high-contrast colours are contributed). */
import * as vscode from 'vscode';
import type { Severity } from '../../core/severity';

const SEVERITY_ICONS: Record<string, string> = { '1': 'flame', '2': 'warning', '3': 'info', '4': 'circle-outline', unknown: 'question' };

export function severityIcon(severity: Severity): vscode.ThemeIcon {
  const color = severity === 'unknown' ? undefined : new vscode.ThemeColor(`supportRotation.severity${severity}`);
  return new vscode.ThemeIcon(SEVERITY_ICONS[String(severity)] ?? 'circle-outline', color);
}
