// The webview's side of the host connection: typed postMessage, typed and validated state, and incoming messages.
// VS Code injects acquireVsCodeApi (callable once); state survives hide/show without retainContextWhenHidden.

interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

export interface ViewApi<Out extends { readonly type: string }, State> {
  post(message: Out): void;
  /** The saved state, passed through `read` so a state from an older version of the view cannot break it. */
  loadState(): State;
  saveState(state: State): void;
}

export function connectToHost<Out extends { readonly type: string }, State>(read: (saved: unknown) => State): ViewApi<Out, State> {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => read(api.getState()),
    saveState: (state) => api.setState(state),
  };
}

/**
 * Calls `handle` for each message from the host. Messages are structurally checked for a string `type` only; the
 * handlers treat unknown types as no-ops, and a handler that throws shows `onError` instead of killing the view.
 */
export function onHostMessage<In extends { readonly type: string }>(handle: (message: In) => void, onError: (error: unknown) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
    try {
      handle(data as In);
    } catch (error) {
      onError(error);
    }
  });
}

// ------------------------------------------------------------------------------------------- state readers

export function readBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

export function readNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function readString(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

export function readStrings(value: unknown, limit = 20000): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, limit) : [];
}

export function readRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
