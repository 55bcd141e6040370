// Two languages: a profile whose language is Spanish (chosen on its edit page) sees the site, the player and its
// dates and prices in Spanish; a browser asking for Spanish sees the signed-out pages in Spanish; an admin whose
// profile speaks Spanish sees the admin pages, their charts and their forms' replies in Spanish; all pass axe.
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { startServer, tempDataDir } from "../test/server-process";
import { expectAccessible } from "./axe";
import { chooseProfile, createAccount, createProfile, expect, signInBrowser, signUpAt, test, waitForPlayableMovie } from "./fixtures";

type Movie = { id: string; title: string; access: string };

async function rentableMovie(request: APIRequestContext) {
  const { items } = (await (await request.get("/api/movies?limit=100")).json()) as { items: Movie[] };
  const movie = items.find((item) => item.access === "rent_or_buy")!;
  const { offers } = (await (await request.get(`/api/movies/${movie.id}`)).json()) as { offers: { kind: string; price_cents: number; currency: string }[] };
  return { ...movie, rent: offers.find((offer) => offer.kind === "rent")! };
}

test("a Spanish profile sees Spanish pages, player controls, dates and prices", async ({ page, request }) => {
  test.setTimeout(12 * 60_000); // the demo catalog may still be transcoding on a first start
  const account = await createAccount(request, "standard");
  await createProfile(request, account.token, "Ana");
  await createProfile(request, account.token, "Bob");
  const movie = await rentableMovie(request);
  // Another profile's review, so the title page shows a review date.
  const review = await request.put(`/api/profiles/Bob/reviews/movie/${movie.id}`, { headers: { authorization: `Bearer ${account.token}` }, data: { stars: 4, text: "Buenísima" } });
  expect(review.ok()).toBe(true);

  await signInBrowser(page, account);
  await chooseProfile(page, "Ana");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The language is a profile setting on the site.
  await page.goto("/profiles/Ana/edit");
  const form = page.getByRole("form", { name: "Language" });
  await form.getByLabel("Audio and subtitles").selectOption("es");
  await form.getByRole("button", { name: "Save language" }).click();
  // Saved, the page answers in the profile's new language.
  await expect(page.getByRole("status").filter({ hasText: "Se guardó el idioma." })).toBeVisible();

  await page.goto("/browse");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const nav = page.getByRole("navigation", { name: "Principal" });
  await expect(nav.getByRole("link", { name: "Inicio" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Mi lista" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Novedades en NormFlix" })).toBeVisible();
  await expectAccessible(page);

  // The title page: Spanish words, a price and a date formatted for Spanish.
  await page.goto(`/title/movie/${movie.id}`);
  const price = new Intl.NumberFormat("es", { style: "currency", currency: movie.rent.currency.toUpperCase() }).format(movie.rent.price_cents / 100);
  await expect(page.getByText("No está incluido en ningún plan: alquílalo o cómpralo para verlo.")).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^Alquilar por ${price.replace(/[.$]/g, "\\$&").replace(/\s/g, "\\s")} · `) })).toBeVisible();
  await expect(page.getByRole("button", { name: `Añadir ${movie.title} a Mi lista` })).toBeVisible();
  const today = new Intl.DateTimeFormat("es", { dateStyle: "long", timeZone: "UTC" }).format(new Date());
  const bobsReview = page.getByRole("article", { name: "Reseña de Bob" });
  await expect(bobsReview.getByText(today)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reseñas" })).toBeVisible();

  // The player's controls.
  const playable = await waitForPlayableMovie(request);
  await page.goto(`/watch/movie/${playable.id}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("button", { name: /^(Reproducir|Pausa) \(espacio\)$/ })).toBeAttached();
  await expect(page.getByRole("button", { name: "Pantalla completa (f)" })).toBeAttached();
  await expect(page.getByRole("button", { name: "Calidad" })).toBeAttached();
  await expect(page.getByRole("slider", { name: "Volumen" })).toBeAttached();
  await expect(page.getByRole("link", { name: "Atrás" })).toBeAttached();
});

test("a Spanish profile sees its account, security, plans, profile form and notifications in Spanish, accessible", async ({ page, request }) => {
  test.setTimeout(180_000); // five pages, each checked with axe: minutes on a busy two-core machine
  const account = await createAccount(request, "standard");
  await createProfile(request, account.token, "Ana");
  const language = await request.patch("/api/profiles/Ana", { headers: { authorization: `Bearer ${account.token}` }, data: { language: "es-MX" } });
  expect(language.ok()).toBe(true);
  // A sign-in from a phone the account never used: a notification for the bell.
  const android = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
  const token = await request.post("/api/accounts/token", { headers: { "user-agent": android }, data: { username: account.username, password: account.password } });
  expect(token.ok()).toBe(true);

  await signInBrowser(page, account);
  await chooseProfile(page, "Ana");

  await page.goto("/account");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Cuenta", level: 1 })).toBeVisible();
  const plan = page.getByRole("region", { name: "Plan", exact: true });
  await expect(plan.getByText(/^Standard · .+ \/ mes Activo$/)).toBeVisible();
  await expect(plan.getByText(/^Se renueva el \d+ de \S+ de \d{4}\.$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Dispositivos", exact: true }).getByText("Este navegador")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cambiar contraseña" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Historial de facturación" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/account/security");
  await expect(page.getByRole("heading", { name: "Seguridad", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Configurar el inicio de sesión en dos pasos" })).toBeVisible();
  await expect(page.getByLabel("Cerrar la sesión en los dispositivos que dejo de usar")).toBeVisible();
  await expect(page.getByRole("region", { name: "Eventos de seguridad recientes" }).getByText("Inicio de sesión").first()).toBeVisible();
  await expectAccessible(page);

  await page.goto("/plans");
  await expect(page.getByRole("heading", { name: "Elige el plan ideal para ti" })).toBeVisible();
  const { items: plans } = (await (await request.get("/api/plans")).json()) as { items: { id: string; price_cents: number; currency: string }[] };
  const basic = plans.find((p) => p.id === "basic")!;
  const monthly = page.getByRole("row", { name: /^Precio mensual/ });
  await expect(monthly).toContainText(new Intl.NumberFormat("es", { style: "currency", currency: basic.currency.toUpperCase() }).format(basic.price_cents / 100));
  await expect(page.getByRole("cell", { name: "Tu plan" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/profiles/Ana/edit");
  await expect(page.getByRole("heading", { name: "Editar perfil" })).toBeVisible();
  const settings = page.getByRole("form", { name: "Configuración del perfil" });
  await expect(settings.getByLabel("Perfil infantil")).toBeVisible();
  await expect(settings.getByLabel("Clasificación por edad")).toContainText("Todo, incluido NC-17");
  await expect(settings.getByRole("radio", { name: "Zorro" })).toBeAttached();
  await expect(page.getByRole("button", { name: "Guardar idioma" })).toBeVisible();
  await expectAccessible(page);

  // The bell's panel: its notification said in Spanish, from its type and data.
  await page.getByRole("button", { name: /^Notificaciones, \d+ sin leer$/ }).click();
  const panel = page.getByRole("link", { name: /Nuevo inicio de sesión en tu cuenta/ }).filter({ hasText: "Chrome en Android" });
  await expect(panel).toContainText("Alguien inició sesión desde Chrome en Android");
  await expect(page.getByRole("button", { name: "Marcar todo como leído" })).toBeVisible();
  await expectAccessible(page);
});

test.describe("a browser asking for Spanish", () => {
  test.use({ locale: "es-ES" });

  test("sees the sign-in page in Spanish, accessible", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { name: "Iniciar sesión" })).toBeVisible();
    await expect(page.getByLabel("Nombre de usuario")).toBeVisible();
    await expect(page.getByRole("link", { name: "¿Olvidaste tu contraseña?" })).toBeVisible();
    await expectAccessible(page);
    // A wrong password is refused in Spanish too.
    await page.getByLabel("Nombre de usuario").fill("nadie_aqui");
    await page.getByLabel("Contraseña").fill("no es esta");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "El usuario o la contraseña no son correctos." })).toBeVisible();
  });
});

// The admin pages, on a server of their own: its first account is the admin.
const adminTest = test.extend<{}, { adminServer: { url: string; admin: { username: string; password: string; token: string } } }>({
  adminServer: [
    async ({}, use) => {
      const dataDir = tempDataDir("e2e-admin-es");
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", DEMO_CATALOG: "off", AUTH_SECRET: "" }, { startTimeoutMs: 240_000 });
      const admin = await signUpAt(server.url, "e2e_admin_es", "standard");
      await use({ url: server.url, admin });
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ adminServer }, use) => use(adminServer.url),
});

adminTest("an admin whose profile speaks Spanish sees the admin pages, charts and form replies in Spanish, accessible", async ({ page, adminServer }) => {
  adminTest.setTimeout(420_000); // a dozen pages, each checked with axe, on a busy two-core machine
  const { admin } = adminServer;
  const auth = { authorization: `Bearer ${admin.token}` };
  await createProfile(page.request, admin.token, "Ana");
  expect((await page.request.patch("/api/profiles/Ana", { headers: auth, data: { language: "es-MX" } })).ok()).toBe(true);
  const created = await page.request.post("/api/admin/titles", { headers: auth, data: { type: "movie", title: "Río Quieto", year: 2025, maturity_rating: "PG" } });
  const titleId = (await created.json()).id;
  const channel = await page.request.post("/api/admin/channels", { headers: auth, data: { number: 3, name: "Canal Tres", kind: "linear" } });
  const channelId = (await channel.json()).id;

  await signInBrowser(page, admin, "/profiles");
  await chooseProfile(page, "Ana");

  await page.goto("/admin");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle("Resumen · NormFlix"); // the admin layout's title template is for the pages below it
  const nav = page.getByRole("navigation", { name: "Administración" });
  await expect(nav.getByRole("link", { name: "Resumen" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Personas y géneros" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Administración", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Trabajos en curso o en cola/ })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/titles");
  await expect(page.getByRole("heading", { name: /^Títulos/, level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Río Quieto" })).toContainText("película");
  await expect(page.getByRole("row").filter({ hasText: "Río Quieto" })).toContainText("Borrador");
  await expect(page.getByRole("form", { name: "Nuevo título" }).getByRole("button", { name: "Crear borrador" })).toBeVisible();
  await expectAccessible(page);

  // A title's page: its analytics (the chart's days in Spanish) and its forms' replies.
  await page.goto(`/admin/titles/${titleId}?days=7`);
  await expect(page.getByRole("heading", { name: "Río Quieto", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Editar título · Administración · NormFlix");
  await expect(page.getByRole("region", { name: "Acceso y ofertas" }).getByLabel("Quién puede verlo")).toContainText("Suscripción (todos los planes)");
  await expect(page.getByRole("region", { name: "Video" }).getByText("Todavía no hay video.")).toBeVisible();
  const viewing = page.getByRole("region", { name: "Visualización" });
  await expect(viewing.getByRole("navigation", { name: "Período" }).getByRole("link", { name: "7 días" })).toHaveAttribute("aria-current", "page");
  await expect(viewing.getByText("Espectadores únicos")).toBeVisible();
  const chart = viewing.getByRole("figure", { name: "Visualizaciones y espectadores por día" });
  await expect(chart.getByText("No hubo visualizaciones en este período.")).toBeAttached();
  const today = new Intl.DateTimeFormat("es", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date());
  await expect(chart.getByText(today, { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Publicar", exact: true }).click();
  await expect(page.getByRole("form", { name: "Publicación" }).getByRole("status")).toHaveText("Publicado: los espectadores ya pueden verlo.");
  const remove = page.getByRole("form", { name: "Eliminar título" });
  await remove.getByLabel("Escribe «Río Quieto» para confirmar").fill("otro");
  await remove.getByRole("button", { name: "Eliminar para siempre" }).click();
  await expect(remove.getByRole("alert")).toHaveText("Escribe «Río Quieto» para confirmar.");
  await expectAccessible(page);

  await page.goto("/admin/uploads");
  await expect(page.getByRole("heading", { name: "Subir un video", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Sube un video")).toBeAttached();
  await expect(page.getByRole("columnheader", { name: "Transcodificación" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/jobs");
  await expect(page.getByRole("heading", { name: "Trabajos de transcodificación", level: 1 })).toBeVisible();
  await expect(page.getByText("Todavía no hay trabajos de transcodificación.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/channels");
  await expect(page.getByRole("heading", { name: /^Canales/, level: 1 })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Canal Tres" })).toContainText("lineal · 0 programas");
  await expect(page.getByRole("form", { name: "Nuevo canal" }).getByLabel("Tipo")).toContainText("Lineal: reproduce en bucle");
  await expectAccessible(page);

  await page.goto(`/admin/channels/${channelId}`);
  await expect(page.getByRole("heading", { name: "Programación" })).toBeVisible();
  await expect(page.getByText("No hay nada programado: agrega películas y episodios abajo.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Las próximas tres horas" })).toBeVisible();
  await expectAccessible(page);

  // The users' list: dates and the plan's status in Spanish.
  await page.goto("/admin/users");
  const joined = new Intl.DateTimeFormat("es", { dateStyle: "long", timeZone: "UTC" }).format(new Date());
  const row = page.getByRole("row").filter({ hasText: admin.username });
  await expect(row).toContainText(joined);
  await expect(row).toContainText("Activo");
  await expect(page.getByRole("columnheader", { name: "Última actividad" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/admin/analytics");
  await expect(page.getByRole("heading", { name: "Estadísticas", level: 1 })).toBeVisible();
  const nothing = new Intl.NumberFormat("es", { style: "currency", currency: "USD" }).format(0);
  await expect(page.getByRole("definition").filter({ hasText: nothing })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Ingresos por alquileres y compras por día (USD)" })).toBeVisible();
  await expect(page.getByText("No hubo cancelaciones en este período.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Calidad de reproducción" }).click();
  await expect(page.getByRole("heading", { name: "Calidad de reproducción", level: 1 })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Variante" })).toBeVisible();
  await expect(page.getByText("Todavía no se informó ninguna reproducción en este período.")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Tiempo de inicio (ms)" })).toBeVisible();
  await expectAccessible(page);
});
