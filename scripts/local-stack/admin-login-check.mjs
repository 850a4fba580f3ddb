// The api creates the first admin only when the database has none: check that the printed
// credentials really log in, so the summary never shows a password that does not work.
export async function adminCredentialsWork(email, password) {
  try {
    const response = await fetch('http://127.0.0.1:3000/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(5000),
    });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}
