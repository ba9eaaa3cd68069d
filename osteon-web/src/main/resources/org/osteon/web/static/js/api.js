// The JSON API of the Osteon server. Errors come back as {error, field, status}.

export class ApiError extends Error {
  constructor(body, status) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.field = body ? body.field : null;
    this.status = status;
  }
}

async function call(path, options = {}) {
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const body = type.startsWith('application/json') ? await response.json() : null;
    throw new ApiError(body, response.status);
  }
  return type.startsWith('application/json') ? response.json() : response.blob();
}

export const get = (path, signal) => call(path, {signal});

export const post = (path, body, signal) =>
  call(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body), signal});

/** Posts text (a model) as the body, with its media type. */
export const postText = (path, text, type, signal) =>
  call(path, {method: 'POST', headers: {'Content-Type': `${type}; charset=utf-8`}, body: text, signal});
