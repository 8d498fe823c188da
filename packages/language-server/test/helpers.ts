/**
 * In-process test helpers: a workspace made of in-memory files, the view the features read,
 * and a cursor found by a marker in the text, so tests name places by what is written there.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { viewOf, type FrameworkView } from '../src/server.js';
import { pathToUri, Workspace } from '../src/workspace.js';

export interface Opened {
  workspace: Workspace;
  view: (path: string) => FrameworkView;
  uri: (path: string) => string;
  document: (path: string) => TextDocument;
}

/** Opens `files` (path to text) as editor documents. Paths are absolute POSIX paths. */
export function openFiles(files: Record<string, string>): Opened {
  const workspace = new Workspace();
  let version = 1;
  for (const [path, text] of Object.entries(files)) {
    workspace.setOpenFile(path, pathToUri(path), text, version++);
  }
  return {
    workspace,
    view: (path) => {
      const analysis = workspace.analysisOf(path);
      if (!analysis) throw new Error(`no analysis for ${path}`);
      return viewOf(analysis);
    },
    uri: pathToUri,
    document: (path) => TextDocument.create(pathToUri(path), 'kpilang', 1, files[path] ?? ''),
  };
}

/**
 * The position of `marker` in `text`: the `occurrence`-th match (from 0), plus `offset`
 * characters. Columns are UTF-16 code units, as JavaScript counts them.
 */
export function positionOf(text: string, marker: string, offset = 0, occurrence = 0) {
  let at = -1;
  for (let count = 0; count <= occurrence; count++) {
    at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`marker '${marker}' not found`);
  }
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  const character = before.length - before.lastIndexOf('\n') - 1;
  return { line, character };
}

/** A small, clean framework in two files, used by most feature tests. */
export const HEADER = `framework demo "Khung thử" / "Demo" {
  version "1"
  effective 2024-01-01
  cycle quarterly
}

levels {
  good "Tốt" / "Good" points 100
  poor "Kém" / "Poor" points 0
}

rating {
  done "Hoàn thành" / "Done" from 50
  not_done "Chưa" / "Not done" under 50
}

goal speed "Nhanh" / "Fast"
`;

export const INDICATORS = `kpi on_time "Đúng hạn" / "On time" {
  kind output
  measure tasks_on_time / tasks_total
  unit percent
  better higher
  target >= 80%
  bands {
    good >= 80%
    poor under 80%
  }
  every quarter
  source "Hệ thống" / "System"
  goal speed
}

kpi quality "Chất lượng" / "Quality" {
  kind outcome
  measure survey quality_rating minimum 5 responses
  unit likert5
  better higher
  target >= 4
  bands {
    good >= 4
    poor under 4
  }
  every quarter
  source "Khảo sát" / "Survey"
  goal speed
}

group staff "Nhân viên" / "Staff" {
  on_time, quality
}

position clerk "Văn thư" / "Clerk" in staff {
  on_time weight 60%
  quality weight 40%
}

context remote "Vùng xa" / "Remote" {
  on_time target >= 70% bands {
    good >= 70%
    poor under 70%
  }
  position clerk {
    on_time weight 50%
    quality weight 50%
  }
}
`;
