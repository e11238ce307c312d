import type { CredentialView } from '../../../shared/protocol/sign-in.ts';

/** The small picture beside a sign-in method; decorative (the method's name is written next to it). */
export function MethodIcon({ kind }: { kind: CredentialView['kind'] | 'wallet' }) {
  return (
    <svg className="account-method-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {kind === 'email' && (
        <>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
        </>
      )}
      {kind === 'passkey' && (
        <>
          <circle cx="8" cy="12" r="4" />
          <path d="M12 12h9M18 12v3M21 12v2" />
        </>
      )}
      {kind === 'oidc' && (
        <>
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21c1-4.5 4.5-6.5 8-6.5s7 2 8 6.5" />
        </>
      )}
      {kind === 'wallet' && (
        <>
          <rect x="3" y="6" width="18" height="13" rx="2" />
          <path d="M16 12.5h5M6 6l9-3 1 3" />
        </>
      )}
    </svg>
  );
}
