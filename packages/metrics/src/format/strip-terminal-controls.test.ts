import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExperimentRecord } from '../records/parse-experiment-record.js';
import { parseRunRecord } from '../records/parse-run-record.js';
import { formatExperimentReportMarkdown } from './format-experiment-report-markdown.js';
import { formatRunReportMarkdown } from './format-run-report-markdown.js';
import { stripTerminalControls } from './strip-terminal-controls.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

const hasControls = (text: string) =>
  [...text].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== '\n' && c !== '\t') || (code >= 0x7f && code <= 0x9f);
  });

const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m<img src=x onerror=alert(1)>\u009b1m\u0000';

describe('stripTerminalControls', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]0;title\u0007x', 'x'],
    ['\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['a\u009b2Jb', 'ab'],
    ['tab\tand\nnewline stay', 'tab\tand\nnewline stay'],
    ['bell\u0007 nul\u0000 del\u007f', 'bell nul del'],
    ['é ü 日本 ✓', 'é ü 日本 ✓'],
  ])('%j → %j', (input, output) => {
    expect(stripTerminalControls(input)).toBe(output);
  });
});

describe('markdown reports of records with hostile names', () => {
  it('report.md carries no escape sequence and no raw HTML from run or class names', () => {
    const run = JSON.parse(fixture('run-record-v1.json'));
    run.name = HOSTILE;
    run.preset = HOSTILE;
    if (Array.isArray(run.classNames)) run.classNames[0] = HOSTILE;
    const md = formatRunReportMarkdown(parseRunRecord(run));
    expect(hasControls(md)).toBe(false);
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('the experiment report too', () => {
    const experiment = JSON.parse(fixture('experiment-record-v1.json'));
    experiment.suite = HOSTILE;
    const md = formatExperimentReportMarkdown(parseExperimentRecord(experiment));
    expect(hasControls(md)).toBe(false);
    expect(md).not.toContain('<img');
  });
});
