/** Sign in with a username and password; the session cookie then authenticates the workspace. */
import { useState } from 'react';
import { signIn, type SessionUser } from '../api/session.ts';
import { Dialog } from './Dialog.tsx';

export function SignInDialog({ onSignedIn, onClose }: { onSignedIn(u: SessionUser): void; onClose(): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  return (
    <Dialog title="Sign in to Lantern" onClose={onClose}>
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          setWorking(true);
          signIn(username, password)
            .then(onSignedIn)
            .catch((err: Error) => setError(err.message))
            .finally(() => setWorking(false));
        }}
      >
        <label>
          Username
          <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!username || !password || working}>
          Sign in
        </button>
      </form>
      {error && <p className="error-inline" role="alert">{error}</p>}
    </Dialog>
  );
}
