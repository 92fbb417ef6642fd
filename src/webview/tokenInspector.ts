// Token inspector webview: live expiry countdown, signature verdict updates, copy/open actions.
// Runs in the browser (no Node APIs); talks to the extension only through the typed messages in protocol.ts.
import {
  INSPECTOR_COMMANDS,
  type FromWebview,
  type InspectorWebviewState,
  type ToWebview,
  type VerdictView,
} from '../vscode/tokenInspector/protocol';
import { announceReady, connectToExtension, onExtensionMessage } from './shared/extensionChannel';

const vscode = connectToExtension<FromWebview, InspectorWebviewState>();

function showVerdict(verdict: VerdictView): void {
  const element = document.getElementById('verdict');
  if (!element) return;
  element.textContent = verdict.text;
  element.className = `verdict ${verdict.state}`;
}

function duration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${rest} s`;
  return `${rest} s`;
}

function tick(): void {
  const element = document.getElementById('expiry');
  const exp = Number(element?.dataset.expMs);
  if (!element || !Number.isFinite(exp)) return;
  const now = Date.now();
  const nbf = Number(element.dataset.nbfMs);
  if (Number.isFinite(nbf) && nbf > now + 10_000) {
    element.textContent = `Not valid for another ${duration((nbf - now) / 1000)} (issued in the future: a clock is off)`;
    element.className = 'expiry not-yet-valid';
  } else if (exp > now) {
    const left = (exp - now) / 1000;
    element.textContent = `Expires in ${duration(left)} (at ${new Date(exp).toLocaleTimeString()})`;
    element.className = `expiry valid${left <= 30 ? ' soon' : ''}`;
  } else {
    element.textContent = `Expired ${duration((now - exp) / 1000)} ago (at ${new Date(exp).toLocaleTimeString()})`;
    element.className = 'expiry expired';
  }
}

onExtensionMessage<ToWebview>((message) => {
  if (message.type === 'verdict') {
    showVerdict(message.verdict);
    vscode.setState({ ...vscode.getState(), verdict: message.verdict });
  }
});

for (const command of INSPECTOR_COMMANDS)
  document.getElementById(command)?.addEventListener('click', () => vscode.postMessage({ type: command }));

const saved = vscode.getState();
if (saved?.verdict) showVerdict(saved.verdict);
tick();
setInterval(tick, 1000);
announceReady(vscode);
