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
WHERE ranked.pick = $3::INTEGER AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k5 ON k5.id = anon_1.item 
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
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w10.id AS TEXT), 'UTF8'), 'base64'), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w10.revenue_target_milli AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) END, 'wonRevenue', b34.f4, 'pipelineRevenue', b34.f5, 'subPlans', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w13.id AS TEXT), 'UTF8'), 'base64'), 'name', w13.name, 'status', w13.status, 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w15.id AS TEXT), 'UTF8'), 'base64'), 'name', w15.name, 'target', CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w15.unit)), CAST('[]' AS JSON))) AS json_build_object_7 
FROM (SELECT c14.id AS id, c14.name AS name, c14.status AS status, c14.period_id AS period_id, c14.plan_id AS plan_id, c14.parent_id AS parent_id, c14.account_id AS account_id, c14.contact_id AS contact_id, c14.target_micros AS target_micros, c14.unit AS unit, c14.revenue_target_milli AS revenue_target_milli, c14.revenue_target_currency AS revenue_target_currency, c14.measure AS measure, c14.manual_actual_micros AS manual_actual_micros, c14.created_at AS created_at 
FROM objectives AS c14 
WHERE c14.plan_id = w13.id AND c14.id IN (SELECT objectives.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c14.id ASC 
 LIMIT $4::INTEGER) AS w15), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w18.id AS TEXT), 'UTF8'), 'base64'), 'name', w18.name, 'stage', w18.stage, 'amount', CASE WHEN (w18.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w18.amount_milli AS NUMERIC) * 0.001, CASE w18.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w18.currency) END)), CAST('[]' AS JSON))) AS json_build_object_8 
FROM (SELECT c16.id AS id, c16.name AS name, c16.account_id AS account_id, c16.stage AS stage, c16.amount_milli AS amount_milli, c16.currency AS currency, c16.close_on AS close_on, c16.owner_id AS owner_id, c16.objective_id AS objective_id, c16.created_at AS created_at 
FROM plan_opportunities AS l17 JOIN opportunities AS c16 ON c16.id = l17.opportunity_id 
WHERE l17.plan_id = w13.id AND c16.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c16.id ASC 
 LIMIT $5::INTEGER) AS w18), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w20.id AS TEXT), 'UTF8'), 'base64'), 'subject', w20.subject, 'status', w20.status)), CAST('[]' AS JSON))) AS json_build_object_9 
FROM (SELECT c19.id AS id, c19.type AS type, c19.subject AS subject, c19.status AS status, c19.due_at AS due_at, c19.owner_id AS owner_id, c19.account_id AS account_id, c19.contact_id AS contact_id, c19.plan_id AS plan_id, c19.objective_id AS objective_id, c19.opportunity_id AS opportunity_id, c19.follow_up_of_id AS follow_up_of_id, c19.created_at AS created_at 
FROM activities AS c19 
WHERE c19.plan_id = w13.id AND c19.id IN (SELECT activities.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c19.id ASC 
 LIMIT $6::INTEGER) AS w20))), CAST('[]' AS JSON))) AS json_build_object_6 
FROM (SELECT c12.id AS id, c12.name AS name, c12.type AS type, c12.period_id AS period_id, c12.owner_id AS owner_id, c12.status AS status, c12.description AS description, c12.currency AS currency, c12.revenue_target_milli AS revenue_target_milli, c12.parent_id AS parent_id, c12.version AS version, c12.copied_from_id AS copied_from_id, c12.created_at AS created_at, c12.updated_at AS updated_at 
FROM business_plans AS c12 
WHERE c12.parent_id = w10.id AND c12.id IN (SELECT business_plans.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))))) ORDER BY c12.id ASC 
 LIMIT $7::INTEGER) AS w13), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w22.id AS TEXT), 'UTF8'), 'base64'), 'name', w22.name, 'target', CAST(trim_scale(CAST(w22.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w22.unit, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w24.id AS TEXT), 'UTF8'), 'base64'), 'name', w24.name, 'stage', w24.stage, 'amount', CASE WHEN (w24.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w24.amount_milli AS NUMERIC) * 0.001, CASE w24.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w24.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w26.id AS TEXT), 'UTF8'), 'base64'), 'subject', w26.subject, 'status', w26.status, 'type', w26.type)), CAST('[]' AS JSON))) AS json_build_object_12 
FROM (SELECT c25.id AS id, c25.type AS type, c25.subject AS subject, c25.status AS status, c25.due_at AS due_at, c25.owner_id AS owner_id, c25.account_id AS account_id, c25.contact_id AS contact_id, c25.plan_id AS plan_id, c25.objective_id AS objective_id, c25.opportunity_id AS opportunity_id, c25.follow_up_of_id AS follow_up_of_id, c25.created_at AS created_at 
FROM activities AS c25 
WHERE c25.opportunity_id = w24.id AND c25.id IN (SELECT activities.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c25.id ASC 
 LIMIT $8::INTEGER) AS w26))), CAST('[]' AS JSON))) AS json_build_object_11 
FROM (SELECT c23.id AS id, c23.name AS name, c23.account_id AS account_id, c23.stage AS stage, c23.amount_milli AS amount_milli, c23.currency AS currency, c23.close_on AS close_on, c23.owner_id AS owner_id, c23.objective_id AS objective_id, c23.created_at AS created_at 
FROM opportunities AS c23 
WHERE c23.objective_id = w22.id AND c23.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c23.id ASC 
 LIMIT $9::INTEGER) AS w24))), CAST('[]' AS JSON))) AS json_build_object_10 
FROM (SELECT c21.id AS id, c21.name AS name, c21.status AS status, c21.period_id AS period_id, c21.plan_id AS plan_id, c21.parent_id AS parent_id, c21.account_id AS account_id, c21.contact_id AS contact_id, c21.target_micros AS target_micros, c21.unit AS unit, c21.revenue_target_milli AS revenue_target_milli, c21.revenue_target_currency AS revenue_target_currency, c21.measure AS measure, c21.manual_actual_micros AS manual_actual_micros, c21.created_at AS created_at 
FROM objectives AS c21 
WHERE c21.plan_id = w10.id AND c21.id IN (SELECT objectives.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c21.id ASC 
 LIMIT $10::INTEGER) AS w22)))), CAST('[]' AS JSON))) AS json_build_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC 
 LIMIT $11::INTEGER) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10 JOIN LATERAL (WITH RECURSIVE tree27(id) AS 
(SELECT w10.id AS id UNION SELECT b28.id AS id 
FROM business_plans AS b28 JOIN tree27 ON b28.parent_id = tree27.id), 
sums31 AS 
(SELECT CASE WHEN (o30.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o30.currency AS currency, w10.currency AS plan_currency, sum(o30.amount_milli / 1000000000) AS high, sum(o30.amount_milli % 1000000000) AS low 
FROM opportunities AS o30 
WHERE o30.id IN (SELECT po29.opportunity_id 
FROM plan_opportunities AS po29 JOIN tree27 ON po29.plan_id = tree27.id) AND o30.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o30.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o30.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s32.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s32.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s32.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s32.currency, json_build_array(s32.high, s32.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 20, "column": 11}]' AS JSON)) END AS anon_2 
FROM (SELECT sums31.currency AS currency, sums31.high AS high, sums31.low AS low 
FROM sums31 
WHERE sums31.bucket = 'won') AS s32) AS f4, (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s33.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s33.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s33.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s33.currency, json_build_array(s33.high, s33.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 21, "column": 11}]' AS JSON)) END AS anon_3 
FROM (SELECT sums31.currency AS currency, sums31.high AS high, sums31.low AS low 
FROM sums31 
WHERE sums31.bucket = 'open') AS s33) AS f5) AS b34 ON true), 'objectives', (WITH chosen37 AS 
(SELECT links36.id AS id, links36._via AS _via, links36._via_contact AS _via_contact 
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
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links36 
WHERE links36.id IN (SELECT objectives.id 
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
FROM chosen37), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w40._via = 1) THEN 'ACCOUNT' WHEN (w40._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t41.id AS TEXT), 'UTF8'), 'base64')) AS json_build_object_14 
FROM contacts AS t41 
WHERE t41.id = w40._via_contact AND t41.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('Objective:' || CAST(w40.id AS TEXT), 'UTF8'), 'base64'), 'name', w40.name, 'isGlobal', w40.account_id IS NULL AND w40.contact_id IS NULL))), CAST('[]' AS JSON))) AS json_build_object_13 
FROM (SELECT c38.id AS id, c38.name AS name, c38.status AS status, c38.period_id AS period_id, c38.plan_id AS plan_id, c38.parent_id AS parent_id, c38.account_id AS account_id, c38.contact_id AS contact_id, c38.target_micros AS target_micros, c38.unit AS unit, c38.revenue_target_milli AS revenue_target_milli, c38.revenue_target_currency AS revenue_target_currency, c38.measure AS measure, c38.manual_actual_micros AS manual_actual_micros, c38.created_at AS created_at, head39._via AS _via, head39._via_contact AS _via_contact 
FROM (SELECT chosen37.id AS id, chosen37._via AS _via, chosen37._via_contact AS _via_contact 
FROM chosen37 ORDER BY chosen37.id ASC 
 LIMIT $13::INTEGER) AS head39 JOIN objectives AS c38 ON c38.id = head39.id ORDER BY head39.id ASC) AS w40), 'opportunities', (WITH chosen44 AS 
(SELECT links43.id AS id, links43._via AS _via, links43._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $14::INTEGER AND ranked.prio IN (1, 2)) AS anon_5) AS links43 
WHERE links43.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen44), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w47._via = 1) THEN 'ACCOUNT' WHEN (w47._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Opportunity:' || CAST(w47.id AS TEXT), 'UTF8'), 'base64'), 'name', w47.name, 'stage', w47.stage))), CAST('[]' AS JSON))) AS json_build_object_15 
FROM (SELECT c45.id AS id, c45.name AS name, c45.account_id AS account_id, c45.stage AS stage, c45.amount_milli AS amount_milli, c45.currency AS currency, c45.close_on AS close_on, c45.owner_id AS owner_id, c45.objective_id AS objective_id, c45.created_at AS created_at, head46._via AS _via, head46._via_contact AS _via_contact 
FROM (SELECT chosen44.id AS id, chosen44._via AS _via, chosen44._via_contact AS _via_contact 
FROM chosen44 ORDER BY chosen44.id ASC 
 LIMIT $15::INTEGER) AS head46 JOIN opportunities AS c45 ON c45.id = head46.id ORDER BY head46.id ASC) AS w47), 'activities', (WITH chosen50 AS 
(SELECT links49.id AS id, links49._via AS _via, links49._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $16::INTEGER AND ranked.prio IN (1, 2)) AS anon_6) AS links49 
WHERE links49.id IN (SELECT activities.id 
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
FROM chosen50), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w53._via = 1) THEN 'ACCOUNT' WHEN (w53._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Activity:' || CAST(w53.id AS TEXT), 'UTF8'), 'base64'), 'subject', w53.subject, 'status', w53.status))), CAST('[]' AS JSON))) AS json_build_object_16 
FROM (SELECT c51.id AS id, c51.type AS type, c51.subject AS subject, c51.status AS status, c51.due_at AS due_at, c51.owner_id AS owner_id, c51.account_id AS account_id, c51.contact_id AS contact_id, c51.plan_id AS plan_id, c51.objective_id AS objective_id, c51.opportunity_id AS opportunity_id, c51.follow_up_of_id AS follow_up_of_id, c51.created_at AS created_at, head52._via AS _via, head52._via_contact AS _via_contact 
FROM (SELECT chosen50.id AS id, chosen50._via AS _via, chosen50._via_contact AS _via_contact 
FROM chosen50 ORDER BY chosen50.id ASC 
 LIMIT $17::INTEGER) AS head52 JOIN activities AS c51 ON c51.id = head52.id ORDER BY head52.id ASC) AS w53)) AS json_build_object_2 
FROM accounts AS t1 
WHERE t1.id = $18::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS json_build_object_1
