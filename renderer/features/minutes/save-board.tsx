import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SaveState } from '../../components/SaveIndicator';

/**
 * One indicator for a page of many autosaving paragraphs: each reports its own state here and the
 * page shows the worst (a conflict or failure wins over saving, saving over saved).
 */
interface SaveBoard {
  report(key: string, state: SaveState): void;
  overall: SaveState;
}

const Board = createContext<SaveBoard | null>(null);

const rank: Record<SaveState['kind'], number> = { conflict: 4, failed: 3, saving: 2, saved: 1, idle: 0 };

function worst(states: SaveState[]): SaveState {
  let result: SaveState = { kind: 'idle' };
  for (const state of states) {
    if (rank[state.kind] > rank[result.kind]) result = state;
    else if (state.kind === 'saved' && result.kind === 'saved' && state.at > result.at) result = state;
  }
  return result;
}

export function SaveBoardProvider({ children }: { children: ReactNode }) {
  const states = useRef(new Map<string, SaveState>());
  const [overall, setOverall] = useState<SaveState>({ kind: 'idle' });
  const report = useCallback((key: string, state: SaveState) => {
    if (state.kind === 'idle') states.current.delete(key);
    else states.current.set(key, state);
    setOverall(worst([...states.current.values()]));
  }, []);
  const value = useMemo(() => ({ report, overall }), [report, overall]);
  return <Board.Provider value={value}>{children}</Board.Provider>;
}

export function useSaveBoard(): SaveBoard {
  const board = useContext(Board);
  if (!board) throw new Error('useSaveBoard outside SaveBoardProvider');
  return board;
}
