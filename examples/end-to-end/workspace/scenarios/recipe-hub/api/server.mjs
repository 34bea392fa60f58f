// recipe-hub API, desktop flavour: recipes in SQLite through sql.js (pure JavaScript,
// the desktop swap of postgres), saved to $SQLITE_DATA_DIR/recipe-hub.sqlite.
//   GET /health              { ok: true }
//   GET /api/recipes         [{ id, title, ingredients }]
//   GET /api/recipes/:id     { id, title, ingredients } or 404
//   POST /api/recipes        { title, ingredients: string[] } -> 201 { id }
// Bundled into one executable file by the example's build (esbuild), like any Node service.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import initSqlJs from 'sql.js/dist/sql-asm.js';

const port = Number(process.env.API_PORT);
const dir = process.env.SQLITE_DATA_DIR ?? '.';
const file = join(dir, 'recipe-hub.sqlite');
const SEED = [
  ['Shakshuka', ['eggs', 'tomatoes', 'peppers', 'cumin']],
  ['Mushroom risotto', ['arborio rice', 'mushrooms', 'parmesan', 'stock']],
  ['Lentil soup', ['red lentils', 'carrots', 'onion', 'lemon']],
];

// No top-level await: the build bundles this into one CommonJS file.
initSqlJs().then((SQL) => {
  mkdirSync(dir, { recursive: true });
  const db = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
  const save = () => {
    writeFileSync(`${file}.tmp`, Buffer.from(db.export()));
    renameSync(`${file}.tmp`, file);
  };
  db.run('create table if not exists recipes (id integer primary key, title text not null, ingredients text not null)');
  if (db.exec('select count(*) from recipes')[0].values[0][0] === 0) {
    for (const [title, ingredients] of SEED) db.run('insert into recipes (title, ingredients) values (?, ?)', [title, JSON.stringify(ingredients)]);
    save();
  }

  const rows = (sql, params = []) => {
    const stmt = db.prepare(sql);
    stmt.bind(params);
    const out = [];
    while (stmt.step()) {
      const r = stmt.getAsObject();
      out.push({ id: r.id, title: r.title, ingredients: JSON.parse(r.ingredients) });
    }
    stmt.free();
    return out;
  };

  const send = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return send(res, 200, { ok: true });
    if (req.method === 'GET' && url.pathname === '/api/recipes') return send(res, 200, rows('select * from recipes order by id'));
    const one = /^\/api\/recipes\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && one) {
      const [recipe] = rows('select * from recipes where id = ?', [Number(one[1])]);
      return recipe ? send(res, 200, recipe) : send(res, 404, { error: 'no such recipe' });
    }
    if (req.method === 'POST' && url.pathname === '/api/recipes') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        let input;
        try {
          input = JSON.parse(body);
        } catch {
          return send(res, 400, { error: 'body is not json' });
        }
        if (typeof input?.title !== 'string' || !Array.isArray(input.ingredients)) return send(res, 400, { error: 'give a title and a list of ingredients' });
        db.run('insert into recipes (title, ingredients) values (?, ?)', [input.title, JSON.stringify(input.ingredients.map(String))]);
        const id = db.exec('select last_insert_rowid()')[0].values[0][0];
        save();
        send(res, 201, { id });
      });
      return;
    }
    send(res, 404, { error: 'not found' });
  }).listen(port, '127.0.0.1', () => console.log(`recipe-hub api on 127.0.0.1:${port}, database ${file}`));
});
