import { chromium } from 'playwright-core';
import fs from 'node:fs';
const cookie = fs.readFileSync('/tmp/ins/cookie', 'utf8').trim();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox'],
});
const w = Number(process.argv[2] ?? 1024);
const ctx = await browser.newContext({
	viewport: { width: w, height: 900 },
	javaScriptEnabled: false,
});
await ctx.addCookies([{ name: 'hubs_auth', value: cookie, url: 'http://127.0.0.1:4399' }]);
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:4399' + (process.argv[3] ?? '/insights'));
const sel = process.argv[4] ?? 'body';
const els = await page.locator(sel).all();
let i = 0;
for (const el of els) await el.screenshot({ path: `/tmp/ins/el-${w}-${i++}.png` });
console.log(await page.evaluate(() => document.body.scrollHeight));
await browser.close();
