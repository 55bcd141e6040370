"use client";

import { useState } from "react";

type Props = { method: string; path: string; pathParams: string[]; hasBody: boolean; exampleBody: string; needsToken: boolean };

/** A small console for one endpoint: fill in the path, query, body and token, send, read the answer. */
export function TryEndpoint({ method, path, pathParams, hasBody, exampleBody, needsToken }: Props) {
  const [params, setParams] = useState<Record<string, string>>({});
  const [query, setQuery] = useState("");
  const [body, setBody] = useState(exampleBody);
  const [token, setToken] = useState("");
  const [result, setResult] = useState<{ status: number; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");

  async function send(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const url = pathParams.reduce((p, name) => p.replace(`{${name}}`, encodeURIComponent(params[name] ?? "")), path);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const response = await fetch(`${url}${query ? `?${query.replace(/^\?/, "")}` : ""}`, {
        method,
        headers,
        body: hasBody && method !== "GET" ? body : undefined,
      });
      const text = await response.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {}
      setResult({ status: response.status, text: pretty });
    } catch (error) {
      setResult({ status: 0, text: (error as Error).message });
    } finally {
      setPending(false);
    }
  }

  const field = "w-full rounded bg-black/40 px-2 py-1 font-mono text-sm ring-1 ring-white/15";
  return (
    <form onSubmit={send} className="mt-3 space-y-2 text-sm">
      {pathParams.map((name) => (
        <label key={name} className="block">
          <span className="text-muted">{name}</span>
          <input className={field} value={params[name] ?? ""} onChange={(e) => setParams({ ...params, [name]: e.target.value })} />
        </label>
      ))}
      <label className="block">
        <span className="text-muted">Query string</span>
        <input className={field} placeholder="limit=5&offset=0" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {hasBody && method !== "GET" && (
        <label className="block" htmlFor={`${id}-body`}>
          <span className="text-muted">JSON body</span>
          <textarea id={`${id}-body`} className={`${field} h-28`} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
      )}
      {needsToken && (
        <label className="block">
          <span className="text-muted">Bearer token</span>
          <input className={field} placeholder="nf_…" value={token} onChange={(e) => setToken(e.target.value)} />
        </label>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand px-3 py-1 font-semibold hover:bg-brand-strong disabled:opacity-60">
        {pending ? "Sending…" : "Send request"}
      </button>
      {result && (
        <output className="block" aria-live="polite">
          <span className="font-semibold">HTTP {result.status}</span>
          <pre className="mt-1 max-h-80 overflow-auto rounded bg-black/50 p-2 text-xs">{result.text}</pre>
        </output>
      )}
    </form>
  );
}
