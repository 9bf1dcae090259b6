import { describe, expect, it } from 'vitest';
import { commitRoster } from '../../../electron/core/imports/roster/service';
import { withDeferredPersonKeys } from '../../../electron/core/imports/bulk';
import { lookup } from '../../../electron/core/search/lookup';
import { bigRoster } from './big-books';
import { book, count, newEstate, tempCtx } from './helpers';

// A roster import writes the people's search keys in one statement after the rows, with the insert
// trigger dropped inside its transaction (imports/bulk.ts withDeferredPersonKeys). These check that it
// writes exactly the keys the trigger would, and that the trigger is always back afterwards.

type KeyRow = { key: string; kind: number; len: number; name: string; pinyin: string | null; person_id: number };
const TRIGGER = "select count(*) from sqlite_master where type = 'trigger' and name = 'people_keys_insert'";

describe('search keys written after a roster import', () => {
  it('are the rows the insert trigger writes, and the trigger is back after the commit', async () => {
    const t = await tempCtx();
    try {
      const estateId = await newEstate(t.ctx);
      // odd names too: a repeated character, a compound surname, a middle dot, a latin name with no pinyin
      const odd = await book([
        ['楼栋', '单元', '房号', '业主姓名', '联系电话'],
        ['9', '1', '101', '明明', '13900000001'],
        ['9', '1', '102', '欧阳娜娜', '13900000002'],
        ['9', '1', '103', '阿依古丽·买买提', '13900000003'],
        ['9', '1', '104', 'Tom', '13900000004'],
      ]);
      await commitRoster(t.ctx, odd, '名册.xlsx', estateId);
      await commitRoster(t.ctx, await bigRoster(300), '大名册.xlsx', estateId);
      const s = t.ctx.sqlite;
      expect(s.prepare(TRIGGER).pluck().get()).toBe(1);
      const people = count(t.ctx, 'people');
      expect(people).toBeGreaterThan(300);

      const keysOf = (where: string) =>
        (
          s.prepare(`select key, kind, len, name, pinyin, person_id from person_keys where ${where} order by key, kind, len, name, person_id`).all() as KeyRow[]
        ).map(({ person_id: _p, ...k }) => JSON.stringify(k));
      const imported = keysOf('1 = 1');
      expect(imported.length).toBeGreaterThan(people * 5);
      // the same people inserted again, one row at a time through the trigger
      const max = s.prepare('select max(id) from people').pluck().get() as number;
      s.exec(
        `insert into people (name, name_initials, name_pinyin, created_at, updated_at) select name, name_initials, name_pinyin, created_at, updated_at from people where id <= ${max} order by id`,
      );
      expect(keysOf(`person_id > ${max}`)).toEqual(imported);
    } finally {
      await t.cleanup();
    }
  });

  it('a failed write rolls back with the trigger in place, and people saved later get their keys', async () => {
    const t = await tempCtx();
    try {
      const s = t.ctx.sqlite;
      const insert = s.prepare("insert into people (name, name_initials, name_pinyin, created_at, updated_at) values (?, ?, ?, '2026-01-01', '2026-01-01')");
      expect(() =>
        s.transaction(() =>
          withDeferredPersonKeys(s, () => {
            insert.run('王小明', 'wxm', 'wangxiaoming');
            expect(s.prepare(TRIGGER).pluck().get()).toBe(0);
            throw new Error('写入失败');
          }),
        )(),
      ).toThrow('写入失败');
      expect(s.prepare(TRIGGER).pluck().get()).toBe(1);
      expect(count(t.ctx, 'people')).toBe(0);
      insert.run('王小明', 'wxm', 'wangxiaoming');
      expect(count(t.ctx, 'person_keys')).toBeGreaterThan(5);
      // outside a transaction nothing is deferred: the trigger writes the keys
      withDeferredPersonKeys(s, () => insert.run('李丽', 'll', 'lili'));
      expect(s.prepare(TRIGGER).pluck().get()).toBe(1);
      expect(count(t.ctx, 'person_keys', "name = '李丽'")).toBeGreaterThan(3);
    } finally {
      await t.cleanup();
    }
  });

  it('an imported owner is found by surname, initials and pinyin at once', async () => {
    const t = await tempCtx();
    try {
      const estateId = await newEstate(t.ctx);
      const roster = await book([
        ['楼栋', '单元', '房号', '业主姓名', '联系电话'],
        ['1', '2', '301', '诸葛亮', '13911112222'],
      ]);
      await commitRoster(t.ctx, roster, '名册.xlsx', estateId);
      for (const q of ['诸', '诸葛', '葛亮', 'zgl', 'zhug'])
        expect(
          (await lookup(t.ctx, q, 5, estateId)).map((h) => h.title),
          q,
        ).toContain('诸葛亮');
    } finally {
      await t.cleanup();
    }
  });
});
