// Before a credential's token leaves main: it goes to an origin it is bound to (credentialOriginsFile.ts), or, on its
// first send, binds it there; anywhere else main asks the user in its own dialog (HostServices.confirmCredentialOrigin)
// and sends nothing until answered. The page can neither answer nor skip the question: no call answers it, and the
// origin asked about is the one the request was built for in main (after {{variables}}), not anything the page says.
import { fail, ok, type Result } from '../../../shared/errors';
import type { CredentialOrigins } from './credentialOriginsFile';

export interface OriginQuestion {
  credential: string;
  /** Where the token would go: scheme://host:port of the URL main is about to send to. */
  origin: string;
  /** Where it may go now (empty: every origin was removed). */
  allowed: string[];
  /** 'add': the credential manager adds the origin (no request waits); else a send or Check waits for the answer. */
  purpose?: 'send' | 'add';
}
/** Send this once, allow the origin from now on (it is added), or send nothing. */
export type OriginAnswer = 'once' | 'always' | 'cancel';
export type ConfirmCredentialOrigin = (question: OriginQuestion) => Promise<OriginAnswer>;

export interface OriginGate {
  /** ok when the token may go to `origin` now: bound there, bound by this (first) send, or allowed by the user. */
  approve(credential: string, origin: string): Promise<Result<void>>;
  /** Adds `origin` for the credential manager once the user confirms it in main's dialog: the origins now. */
  allowFromPage(credential: string, origin: string): Promise<Result<string[]>>;
}

export function createOriginGate(origins: CredentialOrigins, confirm: ConfirmCredentialOrigin | undefined): OriginGate {
  // One question at a time: a send waiting behind another's question about the same origin is not asked again once
  // the user allowed it always, and no pile of dialogs builds up.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => {});
    return next;
  };
  /** The user's answer; 'failed' when the dialog could not be shown (nothing is sent then either). */
  const ask = (question: OriginQuestion): Promise<OriginAnswer | 'failed'> =>
    Promise.resolve()
      .then(() => confirm!(question))
      .catch(() => 'failed' as const);

  return {
    async approve(credential, origin) {
      const allowed = origins.get(credential);
      // Its first send: bound to where it goes, without asking (written before a byte leaves).
      if (allowed === null) return voided(origins.allow(credential, origin));
      if (allowed.includes(origin)) return ok(undefined);
      if (!confirm) {
        return fail('ORIGIN_NOT_ALLOWED', `Not sent: the credential “${credential}” ${allowedFor(allowed)}, and Keypost cannot ask here whether to send it to ${origin}.`, {
          hint: ADD_HINT,
        });
      }
      return oneAtATime(async () => {
        const now = origins.get(credential) ?? [];
        if (now.includes(origin)) return ok(undefined);
        const answer = await ask({ credential, origin, allowed: now, purpose: 'send' });
        if (answer === 'once') return ok(undefined);
        if (answer === 'always') return voided(origins.allow(credential, origin));
        const why = answer === 'failed' ? 'Keypost could not ask whether to send it' : 'you cancelled sending it';
        return fail('ORIGIN_NOT_ALLOWED', `Not sent: the credential “${credential}” ${allowedFor(now)}; ${why} to ${origin}.`, { hint: ADD_HINT });
      });
    },

    async allowFromPage(credential, origin) {
      const allowed = origins.get(credential) ?? [];
      if (allowed.includes(origin)) return ok(allowed);
      // The page asks, but only the user (in main's dialog) decides: a compromised page cannot widen where a token goes.
      if (!confirm) return fail('ORIGIN_NOT_ALLOWED', `Keypost cannot ask here whether to allow the credential “${credential}” for ${origin}, so it was not added.`);
      return oneAtATime(async () => {
        const answer = await ask({ credential, origin, allowed: origins.get(credential) ?? [], purpose: 'add' });
        if (answer === 'always' || answer === 'once') return origins.allow(credential, origin);
        return fail('CANCELLED', `${origin} was not added: you cancelled allowing the credential “${credential}” there.`);
      });
    },
  };
}

const ADD_HINT = 'Try again to be asked again, or allow that origin under Credentials → Manage….';

/** "is allowed for https://a only", "… for https://a and https://b only", or "is allowed for no origin". */
export function allowedFor(origins: readonly string[]): string {
  if (origins.length === 0) return 'is allowed for no origin';
  const shown = origins.length > 4 ? [...origins.slice(0, 3), `${origins.length - 3} more`] : origins;
  const listed = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `is allowed for ${listed} only`;
}

const voided = (result: Result<unknown>): Result<void> => (result.ok ? ok(undefined) : result);

/** Main's dialog for a question (plain options; main.ts hands them to Electron's showMessageBox), and the answer each
 *  button gives. Cancel is the default: Enter or Escape sends nothing. */
export function originDialog(question: OriginQuestion): { options: OriginDialogOptions; answerOf(button: number): OriginAnswer } {
  const { credential, origin, allowed } = question;
  const now = allowed.length === 0 ? `It ${allowedFor(allowed)} now (all were removed).` : `Until now it ${allowedFor(allowed)}.`;
  const [buttons, answers]: [string[], OriginAnswer[]] =
    question.purpose === 'add' ? [['Allow', 'Cancel'], ['always', 'cancel']] : [['Send once', 'Allow always', 'Cancel'], ['once', 'always', 'cancel']];
  const options: OriginDialogOptions = {
    type: 'warning',
    title: 'Keypost',
    message: question.purpose === 'add' ? `Allow the credential “${credential}” to be sent to ${origin}?` : `Send the credential “${credential}” to ${origin}?`,
    detail:
      question.purpose === 'add'
        ? `${now} Once allowed, every request with “${credential}” to ${origin} carries its token without asking.`
        : `${now} This request would send its token to ${origin}: a changed or imported URL, a typo or another environment can point there. Nothing has been sent yet.`,
    buttons,
    defaultId: buttons.length - 1,
    cancelId: buttons.length - 1,
    noLink: true,
  };
  return { options, answerOf: (button) => answers[button] ?? 'cancel' };
}

/** The subset of Electron's MessageBoxOptions the question uses (core code does not import electron). */
export interface OriginDialogOptions {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: boolean;
}
