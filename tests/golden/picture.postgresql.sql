SELECT CAST(json_build_object('data', json_build_object('account', (SELECT json_build_object('id', encode(convert_to('Account:' || CAST(t1.id AS TEXT), 'UTF8'), 'base64'), 'name', t1.name, 'contacts', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Contact:' || CAST(w4.id AS TEXT), 'UTF8'), 'base64'), 'firstName', w4.first_name, 'lastName', w4.last_name, 'email', w4.email)), CAST('[]' AS JSON))) AS json_build_object_3 
FROM (SELECT c2.id AS id, c2.first_name AS first_name, c2.last_name AS last_name, c2.email AS email, c2.created_at AS created_at 
FROM account_contacts AS l3 JOIN contacts AS c2 ON c2.id = l3.contact_id 
WHERE l3.account_id = t1.id AND c2.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c2.id ASC 
 LIMIT $2::INTEGER) AS w4), 'businessPlans', (WITH chosen6 AS 
(SELECT k5.id AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact, k5.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $3::INTEGER AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k5 ON anon_1.item = k5.id 
WHERE k5.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND plan_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_1 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w10._via = 1) THEN 'ACCOUNT' WHEN (w10._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t11.id AS TEXT), 'UTF8'), 'base64')) AS json_build_object_5 
FROM contacts AS t11 
WHERE t11.id = w10._via_contact AND t11.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w10.id AS TEXT), 'UTF8'), 'base64'), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w10.revenue_target_milli AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) END, 'wonRevenue', (WITH RECURSIVE tree12(id) AS 
(SELECT w10.id AS id UNION SELECT b13.id AS id 
FROM business_plans AS b13 JOIN tree12 ON b13.parent_id = tree12.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s16.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s16.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s16.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s16.currency, json_build_array(s16.high, s16.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 20, "column": 11}]' AS JSON)) END AS anon_2 
FROM (SELECT o15.currency AS currency, sum(o15.amount_milli / 1000000000) AS high, sum(o15.amount_milli % 1000000000) AS low 
FROM opportunities AS o15 
WHERE o15.id IN (SELECT po14.opportunity_id 
FROM plan_opportunities AS po14 JOIN tree12 ON po14.plan_id = tree12.id) AND o15.stage = 'CLOSED_WON' GROUP BY o15.currency) AS s16), 'pipelineRevenue', (WITH RECURSIVE tree17(id) AS 
(SELECT w10.id AS id UNION SELECT b18.id AS id 
FROM business_plans AS b18 JOIN tree17 ON b18.parent_id = tree17.id)
 SELECT CASE WHEN (coalesce(sum(CASE WHEN (s21.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s21.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s21.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s21.currency, json_build_array(s21.high, s21.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 21, "column": 11}]' AS JSON)) END AS anon_3 
FROM (SELECT o20.currency AS currency, sum(o20.amount_milli / 1000000000) AS high, sum(o20.amount_milli % 1000000000) AS low 
FROM opportunities AS o20 
WHERE o20.id IN (SELECT po19.opportunity_id 
FROM plan_opportunities AS po19 JOIN tree17 ON po19.plan_id = tree17.id) AND (o20.stage NOT IN ('CLOSED_WON', 'CLOSED_LOST')) GROUP BY o20.currency) AS s21), 'subPlans', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w23.id AS TEXT), 'UTF8'), 'base64'), 'name', w23.name, 'status', w23.status, 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w25.id AS TEXT), 'UTF8'), 'base64'), 'name', w25.name, 'target', CAST(trim_scale(CAST(w25.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w25.unit)), CAST('[]' AS JSON))) AS json_build_object_7 
FROM (SELECT c24.id AS id, c24.name AS name, c24.status AS status, c24.period_id AS period_id, c24.plan_id AS plan_id, c24.parent_id AS parent_id, c24.account_id AS account_id, c24.contact_id AS contact_id, c24.target_micros AS target_micros, c24.unit AS unit, c24.revenue_target_milli AS revenue_target_milli, c24.revenue_target_currency AS revenue_target_currency, c24.measure AS measure, c24.manual_actual_micros AS manual_actual_micros, c24.created_at AS created_at 
FROM objectives AS c24 
WHERE c24.plan_id = w23.id AND c24.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c24.id ASC 
 LIMIT $4::INTEGER) AS w25), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w28.id AS TEXT), 'UTF8'), 'base64'), 'name', w28.name, 'stage', w28.stage, 'amount', CASE WHEN (w28.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w28.amount_milli AS NUMERIC) * 0.001, CASE w28.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w28.currency) END)), CAST('[]' AS JSON))) AS json_build_object_8 
FROM (SELECT c26.id AS id, c26.name AS name, c26.account_id AS account_id, c26.stage AS stage, c26.amount_milli AS amount_milli, c26.currency AS currency, c26.close_on AS close_on, c26.owner_id AS owner_id, c26.objective_id AS objective_id, c26.created_at AS created_at 
FROM plan_opportunities AS l27 JOIN opportunities AS c26 ON c26.id = l27.opportunity_id 
WHERE l27.plan_id = w23.id AND c26.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c26.id ASC 
 LIMIT $5::INTEGER) AS w28), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w30.id AS TEXT), 'UTF8'), 'base64'), 'subject', w30.subject, 'status', w30.status)), CAST('[]' AS JSON))) AS json_build_object_9 
FROM (SELECT c29.id AS id, c29.type AS type, c29.subject AS subject, c29.status AS status, c29.due_at AS due_at, c29.owner_id AS owner_id, c29.account_id AS account_id, c29.contact_id AS contact_id, c29.plan_id AS plan_id, c29.objective_id AS objective_id, c29.opportunity_id AS opportunity_id, c29.follow_up_of_id AS follow_up_of_id, c29.created_at AS created_at 
FROM activities AS c29 
WHERE c29.plan_id = w23.id AND c29.id IN (SELECT activities.id 
FROM activities 
WHERE activities.owner_id = $1::INTEGER OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c29.id ASC 
 LIMIT $6::INTEGER) AS w30))), CAST('[]' AS JSON))) AS json_build_object_6 
FROM (SELECT c22.id AS id, c22.name AS name, c22.type AS type, c22.period_id AS period_id, c22.owner_id AS owner_id, c22.status AS status, c22.description AS description, c22.currency AS currency, c22.revenue_target_milli AS revenue_target_milli, c22.parent_id AS parent_id, c22.version AS version, c22.copied_from_id AS copied_from_id, c22.created_at AS created_at, c22.updated_at AS updated_at 
FROM business_plans AS c22 
WHERE c22.parent_id = w10.id AND c22.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND plan_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) ORDER BY c22.id ASC 
 LIMIT $7::INTEGER) AS w23), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w32.id AS TEXT), 'UTF8'), 'base64'), 'name', w32.name, 'target', CAST(trim_scale(CAST(w32.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w32.unit, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w34.id AS TEXT), 'UTF8'), 'base64'), 'name', w34.name, 'stage', w34.stage, 'amount', CASE WHEN (w34.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w34.amount_milli AS NUMERIC) * 0.001, CASE w34.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w34.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w36.id AS TEXT), 'UTF8'), 'base64'), 'subject', w36.subject, 'status', w36.status, 'type', w36.type)), CAST('[]' AS JSON))) AS json_build_object_12 
FROM (SELECT c35.id AS id, c35.type AS type, c35.subject AS subject, c35.status AS status, c35.due_at AS due_at, c35.owner_id AS owner_id, c35.account_id AS account_id, c35.contact_id AS contact_id, c35.plan_id AS plan_id, c35.objective_id AS objective_id, c35.opportunity_id AS opportunity_id, c35.follow_up_of_id AS follow_up_of_id, c35.created_at AS created_at 
FROM activities AS c35 
WHERE c35.opportunity_id = w34.id AND c35.id IN (SELECT activities.id 
FROM activities 
WHERE activities.owner_id = $1::INTEGER OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c35.id ASC 
 LIMIT $8::INTEGER) AS w36))), CAST('[]' AS JSON))) AS json_build_object_11 
FROM (SELECT c33.id AS id, c33.name AS name, c33.account_id AS account_id, c33.stage AS stage, c33.amount_milli AS amount_milli, c33.currency AS currency, c33.close_on AS close_on, c33.owner_id AS owner_id, c33.objective_id AS objective_id, c33.created_at AS created_at 
FROM opportunities AS c33 
WHERE c33.objective_id = w32.id AND c33.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c33.id ASC 
 LIMIT $9::INTEGER) AS w34))), CAST('[]' AS JSON))) AS json_build_object_10 
FROM (SELECT c31.id AS id, c31.name AS name, c31.status AS status, c31.period_id AS period_id, c31.plan_id AS plan_id, c31.parent_id AS parent_id, c31.account_id AS account_id, c31.contact_id AS contact_id, c31.target_micros AS target_micros, c31.unit AS unit, c31.revenue_target_milli AS revenue_target_milli, c31.revenue_target_currency AS revenue_target_currency, c31.measure AS measure, c31.manual_actual_micros AS manual_actual_micros, c31.created_at AS created_at 
FROM objectives AS c31 
WHERE c31.plan_id = w10.id AND c31.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c31.id ASC 
 LIMIT $10::INTEGER) AS w32)))), CAST('[]' AS JSON))) AS json_build_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC 
 LIMIT $11::INTEGER) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10), 'objectives', (WITH chosen39 AS 
(SELECT links38.id AS id, links38._via AS _via, links38._via_contact AS _via_contact 
FROM (SELECT anon_4.item AS id, anon_4.prio AS _via, anon_4.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON true 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links38 
WHERE links38.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR objectives.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen39), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w42._via = 1) THEN 'ACCOUNT' WHEN (w42._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t43.id AS TEXT), 'UTF8'), 'base64')) AS json_build_object_14 
FROM contacts AS t43 
WHERE t43.id = w42._via_contact AND t43.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('Objective:' || CAST(w42.id AS TEXT), 'UTF8'), 'base64'), 'name', w42.name, 'isGlobal', w42.account_id IS NULL AND w42.contact_id IS NULL))), CAST('[]' AS JSON))) AS json_build_object_13 
FROM (SELECT c40.id AS id, c40.name AS name, c40.status AS status, c40.period_id AS period_id, c40.plan_id AS plan_id, c40.parent_id AS parent_id, c40.account_id AS account_id, c40.contact_id AS contact_id, c40.target_micros AS target_micros, c40.unit AS unit, c40.revenue_target_milli AS revenue_target_milli, c40.revenue_target_currency AS revenue_target_currency, c40.measure AS measure, c40.manual_actual_micros AS manual_actual_micros, c40.created_at AS created_at, head41._via AS _via, head41._via_contact AS _via_contact 
FROM (SELECT chosen39.id AS id, chosen39._via AS _via, chosen39._via_contact AS _via_contact 
FROM chosen39 ORDER BY chosen39.id ASC 
 LIMIT $13::INTEGER) AS head41 JOIN objectives AS c40 ON head41.id = c40.id ORDER BY head41.id ASC) AS w42), 'opportunities', (WITH chosen46 AS 
(SELECT links45.id AS id, links45._via AS _via, links45._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $14::INTEGER AND ranked.prio IN (1, 2)) AS anon_5) AS links45 
WHERE links45.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen46), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w49._via = 1) THEN 'ACCOUNT' WHEN (w49._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Opportunity:' || CAST(w49.id AS TEXT), 'UTF8'), 'base64'), 'name', w49.name, 'stage', w49.stage))), CAST('[]' AS JSON))) AS json_build_object_15 
FROM (SELECT c47.id AS id, c47.name AS name, c47.account_id AS account_id, c47.stage AS stage, c47.amount_milli AS amount_milli, c47.currency AS currency, c47.close_on AS close_on, c47.owner_id AS owner_id, c47.objective_id AS objective_id, c47.created_at AS created_at, head48._via AS _via, head48._via_contact AS _via_contact 
FROM (SELECT chosen46.id AS id, chosen46._via AS _via, chosen46._via_contact AS _via_contact 
FROM chosen46 ORDER BY chosen46.id ASC 
 LIMIT $15::INTEGER) AS head48 JOIN opportunities AS c47 ON head48.id = c47.id ORDER BY head48.id ASC) AS w49), 'activities', (WITH chosen52 AS 
(SELECT links51.id AS id, links51._via AS _via, links51._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $16::INTEGER AND ranked.prio IN (1, 2)) AS anon_6) AS links51 
WHERE links51.id IN (SELECT activities.id 
FROM activities 
WHERE activities.owner_id = $1::INTEGER OR activities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR activities.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen52), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w55._via = 1) THEN 'ACCOUNT' WHEN (w55._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Activity:' || CAST(w55.id AS TEXT), 'UTF8'), 'base64'), 'subject', w55.subject, 'status', w55.status))), CAST('[]' AS JSON))) AS json_build_object_16 
FROM (SELECT c53.id AS id, c53.type AS type, c53.subject AS subject, c53.status AS status, c53.due_at AS due_at, c53.owner_id AS owner_id, c53.account_id AS account_id, c53.contact_id AS contact_id, c53.plan_id AS plan_id, c53.objective_id AS objective_id, c53.opportunity_id AS opportunity_id, c53.follow_up_of_id AS follow_up_of_id, c53.created_at AS created_at, head54._via AS _via, head54._via_contact AS _via_contact 
FROM (SELECT chosen52.id AS id, chosen52._via AS _via, chosen52._via_contact AS _via_contact 
FROM chosen52 ORDER BY chosen52.id ASC 
 LIMIT $17::INTEGER) AS head54 JOIN activities AS c53 ON head54.id = c53.id ORDER BY head54.id ASC) AS w55)) AS json_build_object_2 
FROM accounts AS t1 
WHERE t1.id = $18::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS json_build_object_1
