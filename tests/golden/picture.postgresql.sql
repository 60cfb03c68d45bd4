SELECT CAST(json_build_object('data', json_build_object('account', (SELECT json_build_object('id', encode(convert_to('Account:' || CAST(t1.id AS TEXT), 'UTF8'), 'base64'), 'name', t1.name, 'contacts', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Contact:' || CAST(w4.id AS TEXT), 'UTF8'), 'base64'), 'firstName', w4.first_name, 'lastName', w4.last_name, 'email', w4.email)), CAST('[]' AS JSON))) AS anon_3 
FROM (SELECT c2.id AS id, c2.first_name AS first_name, c2.last_name AS last_name, c2.email AS email, c2.created_at AS created_at 
FROM account_contacts AS l3 JOIN contacts AS c2 ON c2.id = l3.contact_id 
WHERE l3.account_id = t1.id AND c2.id IN (SELECT contacts.id 
FROM contacts 
WHERE EXISTS (SELECT * 
FROM account_contacts AS account_contacts_1 
WHERE account_contacts_1.contact_id = contacts.id AND account_contacts_1.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c2.id ASC 
 LIMIT $2::INTEGER) AS w4), 'businessPlans', (WITH chosen6 AS 
(SELECT k5.id AS id, anon_4.prio AS _via, anon_4.contact AS _via_contact, k5.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $3::INTEGER AND ranked.prio IN (1, 2)) AS anon_4 JOIN business_plans AS k5 ON anon_4.item = k5.id)
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_1 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id))), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w10._via = 1) THEN 'ACCOUNT' WHEN (w10._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t11.id AS TEXT), 'UTF8'), 'base64')) AS anon_6 
FROM contacts AS t11 
WHERE t11.id = w10._via_contact AND t11.id IN (SELECT contacts.id 
FROM contacts 
WHERE EXISTS (SELECT * 
FROM account_contacts AS account_contacts_2 
WHERE account_contacts_2.contact_id = contacts.id AND account_contacts_2.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w10.id AS TEXT), 'UTF8'), 'base64'), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w10.revenue_target_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w10.currency AS INTEGER), 2)) AS TEXT), 'currency', w10.currency) END, 'wonRevenue', b12.f0, 'pipelineRevenue', b12.f1, 'revenueByCurrency', b12.f2, 'subPlans', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w14.id AS TEXT), 'UTF8'), 'base64'), 'name', w14.name, 'status', w14.status, 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w16.id AS TEXT), 'UTF8'), 'base64'), 'name', w16.name, 'target', CAST(trim_scale(CAST(w16.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w16.unit, 'measure', w16.measure, 'actual', b17.f0, 'progress', b17.f1)), CAST('[]' AS JSON))) AS anon_8 
FROM (SELECT c15.id AS id, c15.name AS name, c15.status AS status, c15.period_id AS period_id, c15.plan_id AS plan_id, c15.parent_id AS parent_id, c15.account_id AS account_id, c15.contact_id AS contact_id, c15.target_micros AS target_micros, c15.unit AS unit, c15.revenue_target_milli AS revenue_target_milli, c15.revenue_target_currency AS revenue_target_currency, c15.measure AS measure, c15.manual_actual_micros AS manual_actual_micros, c15.created_at AS created_at 
FROM objectives AS c15 
WHERE c15.plan_id = w14.id AND c15.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_3 
WHERE account_contacts_3.contact_id = objectives.contact_id AND account_contacts_3.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c15.id ASC 
 LIMIT $4::INTEGER) AS w16 JOIN LATERAL (WITH RECURSIVE objective_tree18(id) AS 
(SELECT w16.id AS id UNION SELECT ob19.id AS id 
FROM objectives AS ob19 JOIN objective_tree18 ON ob19.parent_id = objective_tree18.id), 
won22 AS 
(SELECT min(o21.currency) AS "only", max(o21.currency) AS last, coalesce(sum(o21.amount_milli / 1000000000), 0) AS high, coalesce(sum(o21.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o21.currency != w16.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o21 JOIN objective_tree18 ON o21.objective_id = objective_tree18.id 
WHERE o21.stage = 'CLOSED_WON' AND w16.measure = 'WON_REVENUE'), 
s24 AS 
(SELECT o23.currency AS currency, sum(o23.amount_milli / 1000000000) AS high, sum(o23.amount_milli % 1000000000) AS low 
FROM opportunities AS o23 JOIN objective_tree18 ON o23.objective_id = objective_tree18.id 
WHERE o23.stage = 'CLOSED_WON' GROUP BY o23.currency)
 SELECT CASE WHEN i25.needs0 THEN json_build_object('$progress', 'actual', '$measure', w16.measure, '$target', CAST(w16.target_micros AS TEXT), '$revenue', CAST(w16.revenue_target_milli AS TEXT), '$currency', w16.revenue_target_currency, '$manual', CAST(w16.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s24.currency, json_build_array(s24.high, s24.low)) AS json_object_agg_1 
FROM s24), '$locations', CAST('[{"line": 29, "column": 75}]' AS JSON)) ELSE to_json(i25.done0) END AS f0, CASE WHEN i25.needs0 THEN json_build_object('$progress', 'progress', '$measure', w16.measure, '$target', CAST(w16.target_micros AS TEXT), '$revenue', CAST(w16.revenue_target_milli AS TEXT), '$currency', w16.revenue_target_currency, '$manual', CAST(w16.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s24.currency, json_build_array(s24.high, s24.low)) AS json_object_agg_2 
FROM s24), '$locations', CAST('[{"line": 29, "column": 82}]' AS JSON)) ELSE CAST(regexp_replace(CAST(to_json(CAST(i25.done0 AS FLOAT) / nullif(CAST(i25.goal AS FLOAT), 0)) AS TEXT), '^-?[0-9]+$', '\&.0') AS JSON) END AS f1 
FROM (SELECT CASE WHEN (w16.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w16.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w16.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a20 JOIN objective_tree18 ON a20.objective_id = objective_tree18.id 
WHERE a20.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w16.revenue_target_currency IS NULL AND won22."only" != won22.last) THEN NULL WHEN (coalesce(w16.revenue_target_currency, won22."only") IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(won22.high AS NUMERIC) * 1000000000 + CAST(won22.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w16.revenue_target_currency, won22."only") AS INTEGER), 2)) AS TEXT) END END AS done0, w16.measure = 'WON_REVENUE' AND w16.revenue_target_currency IS NOT NULL AND won22."foreign" > 0 AS needs0, CASE WHEN (w16.measure = 'WON_REVENUE' AND w16.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w16.revenue_target_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w16.revenue_target_currency AS INTEGER), 2)) AS TEXT) ELSE CAST(trim_scale(CAST(w16.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS goal 
FROM won22
 LIMIT ALL OFFSET 0) AS i25) AS b17 ON true), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w28.id AS TEXT), 'UTF8'), 'base64'), 'name', w28.name, 'stage', w28.stage, 'amount', CASE WHEN (w28.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w28.amount_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w28.currency AS INTEGER), 2)) AS TEXT), 'currency', w28.currency) END)), CAST('[]' AS JSON))) AS anon_9 
FROM (SELECT c26.id AS id, c26.name AS name, c26.account_id AS account_id, c26.stage AS stage, c26.amount_milli AS amount_milli, c26.currency AS currency, c26.close_on AS close_on, c26.owner_id AS owner_id, c26.objective_id AS objective_id, c26.created_at AS created_at 
FROM plan_opportunities AS l27 JOIN opportunities AS c26 ON c26.id = l27.opportunity_id 
WHERE l27.plan_id = w14.id AND c26.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) ORDER BY c26.id ASC 
 LIMIT $5::INTEGER) AS w28), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w30.id AS TEXT), 'UTF8'), 'base64'), 'subject', w30.subject, 'status', w30.status)), CAST('[]' AS JSON))) AS anon_10 
FROM (SELECT c29.id AS id, c29.type AS type, c29.subject AS subject, c29.status AS status, c29.due_at AS due_at, c29.owner_id AS owner_id, c29.account_id AS account_id, c29.contact_id AS contact_id, c29.plan_id AS plan_id, c29.objective_id AS objective_id, c29.opportunity_id AS opportunity_id, c29.follow_up_of_id AS follow_up_of_id, c29.created_at AS created_at 
FROM activities AS c29 
WHERE c29.plan_id = w14.id AND (c29.owner_id = $1::INTEGER OR c29.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_4 
WHERE account_contacts_4.contact_id = c29.contact_id AND account_contacts_4.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c29.id ASC 
 LIMIT $6::INTEGER) AS w30))), CAST('[]' AS JSON))) AS anon_7 
FROM (SELECT c13.id AS id, c13.name AS name, c13.type AS type, c13.period_id AS period_id, c13.owner_id AS owner_id, c13.status AS status, c13.description AS description, c13.currency AS currency, c13.revenue_target_milli AS revenue_target_milli, c13.parent_id AS parent_id, c13.version AS version, c13.copied_from_id AS copied_from_id, c13.created_at AS created_at, c13.updated_at AS updated_at 
FROM business_plans AS c13 
WHERE c13.parent_id = w10.id AND c13.id IN (SELECT business_plans.id 
FROM business_plans 
WHERE business_plans.owner_id = $1::INTEGER OR (EXISTS (SELECT * 
FROM plan_accounts 
WHERE plan_accounts.plan_id = business_plans.id AND plan_accounts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))) OR (EXISTS (SELECT * 
FROM plan_contacts 
WHERE plan_contacts.plan_id = business_plans.id AND (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_5 
WHERE account_contacts_5.contact_id = plan_contacts.contact_id AND account_contacts_5.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))))) ORDER BY c13.id ASC 
 LIMIT $7::INTEGER) AS w14), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w32.id AS TEXT), 'UTF8'), 'base64'), 'name', w32.name, 'target', CAST(trim_scale(CAST(w32.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w32.unit, 'measure', w32.measure, 'actual', b33.f0, 'progress', b33.f1, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w35.id AS TEXT), 'UTF8'), 'base64'), 'name', w35.name, 'stage', w35.stage, 'amount', CASE WHEN (w35.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w35.amount_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w35.currency AS INTEGER), 2)) AS TEXT), 'currency', w35.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w37.id AS TEXT), 'UTF8'), 'base64'), 'subject', w37.subject, 'status', w37.status, 'type', w37.type)), CAST('[]' AS JSON))) AS anon_13 
FROM (SELECT c36.id AS id, c36.type AS type, c36.subject AS subject, c36.status AS status, c36.due_at AS due_at, c36.owner_id AS owner_id, c36.account_id AS account_id, c36.contact_id AS contact_id, c36.plan_id AS plan_id, c36.objective_id AS objective_id, c36.opportunity_id AS opportunity_id, c36.follow_up_of_id AS follow_up_of_id, c36.created_at AS created_at 
FROM activities AS c36 
WHERE c36.opportunity_id = w35.id AND (c36.owner_id = $1::INTEGER OR c36.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_6 
WHERE account_contacts_6.contact_id = c36.contact_id AND account_contacts_6.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c36.id ASC 
 LIMIT $8::INTEGER) AS w37))), CAST('[]' AS JSON))) AS anon_12 
FROM (SELECT c34.id AS id, c34.name AS name, c34.account_id AS account_id, c34.stage AS stage, c34.amount_milli AS amount_milli, c34.currency AS currency, c34.close_on AS close_on, c34.owner_id AS owner_id, c34.objective_id AS objective_id, c34.created_at AS created_at 
FROM opportunities AS c34 
WHERE c34.objective_id = w32.id AND c34.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) ORDER BY c34.id ASC 
 LIMIT $9::INTEGER) AS w35))), CAST('[]' AS JSON))) AS anon_11 
FROM (SELECT c31.id AS id, c31.name AS name, c31.status AS status, c31.period_id AS period_id, c31.plan_id AS plan_id, c31.parent_id AS parent_id, c31.account_id AS account_id, c31.contact_id AS contact_id, c31.target_micros AS target_micros, c31.unit AS unit, c31.revenue_target_milli AS revenue_target_milli, c31.revenue_target_currency AS revenue_target_currency, c31.measure AS measure, c31.manual_actual_micros AS manual_actual_micros, c31.created_at AS created_at 
FROM objectives AS c31 
WHERE c31.plan_id = w10.id AND c31.id IN (SELECT objectives.id 
FROM objectives 
WHERE objectives.account_id IS NULL AND objectives.contact_id IS NULL OR objectives.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_7 
WHERE account_contacts_7.contact_id = objectives.contact_id AND account_contacts_7.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c31.id ASC 
 LIMIT $10::INTEGER) AS w32 JOIN LATERAL (WITH RECURSIVE objective_tree38(id) AS 
(SELECT w32.id AS id UNION SELECT ob39.id AS id 
FROM objectives AS ob39 JOIN objective_tree38 ON ob39.parent_id = objective_tree38.id), 
won42 AS 
(SELECT min(o41.currency) AS "only", max(o41.currency) AS last, coalesce(sum(o41.amount_milli / 1000000000), 0) AS high, coalesce(sum(o41.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o41.currency != w32.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o41 JOIN objective_tree38 ON o41.objective_id = objective_tree38.id 
WHERE o41.stage = 'CLOSED_WON' AND w32.measure = 'WON_REVENUE'), 
s44 AS 
(SELECT o43.currency AS currency, sum(o43.amount_milli / 1000000000) AS high, sum(o43.amount_milli % 1000000000) AS low 
FROM opportunities AS o43 JOIN objective_tree38 ON o43.objective_id = objective_tree38.id 
WHERE o43.stage = 'CLOSED_WON' GROUP BY o43.currency)
 SELECT CASE WHEN i45.needs0 THEN json_build_object('$progress', 'actual', '$measure', w32.measure, '$target', CAST(w32.target_micros AS TEXT), '$revenue', CAST(w32.revenue_target_milli AS TEXT), '$currency', w32.revenue_target_currency, '$manual', CAST(w32.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s44.currency, json_build_array(s44.high, s44.low)) AS json_object_agg_3 
FROM s44), '$locations', CAST('[{"line": 36, "column": 43}]' AS JSON)) ELSE to_json(i45.done0) END AS f0, CASE WHEN i45.needs0 THEN json_build_object('$progress', 'progress', '$measure', w32.measure, '$target', CAST(w32.target_micros AS TEXT), '$revenue', CAST(w32.revenue_target_milli AS TEXT), '$currency', w32.revenue_target_currency, '$manual', CAST(w32.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s44.currency, json_build_array(s44.high, s44.low)) AS json_object_agg_4 
FROM s44), '$locations', CAST('[{"line": 36, "column": 50}]' AS JSON)) ELSE CAST(regexp_replace(CAST(to_json(CAST(i45.done0 AS FLOAT) / nullif(CAST(i45.goal AS FLOAT), 0)) AS TEXT), '^-?[0-9]+$', '\&.0') AS JSON) END AS f1 
FROM (SELECT CASE WHEN (w32.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w32.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w32.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_3 
FROM activities AS a40 JOIN objective_tree38 ON a40.objective_id = objective_tree38.id 
WHERE a40.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w32.revenue_target_currency IS NULL AND won42."only" != won42.last) THEN NULL WHEN (coalesce(w32.revenue_target_currency, won42."only") IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(won42.high AS NUMERIC) * 1000000000 + CAST(won42.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w32.revenue_target_currency, won42."only") AS INTEGER), 2)) AS TEXT) END END AS done0, w32.measure = 'WON_REVENUE' AND w32.revenue_target_currency IS NOT NULL AND won42."foreign" > 0 AS needs0, CASE WHEN (w32.measure = 'WON_REVENUE' AND w32.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w32.revenue_target_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w32.revenue_target_currency AS INTEGER), 2)) AS TEXT) ELSE CAST(trim_scale(CAST(w32.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS goal 
FROM won42
 LIMIT ALL OFFSET 0) AS i45) AS b33 ON true)))), CAST('[]' AS JSON))) AS anon_5 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC 
 LIMIT $11::INTEGER) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10 JOIN LATERAL (WITH RECURSIVE tree46(id) AS 
(SELECT w10.id AS id UNION SELECT b47.id AS id 
FROM business_plans AS b47 JOIN tree46 ON b47.parent_id = tree46.id), 
sums50 AS 
(SELECT CASE WHEN (o49.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o49.currency AS currency, w10.currency AS plan_currency, sum(o49.amount_milli / 1000000000) AS high, sum(o49.amount_milli % 1000000000) AS low 
FROM opportunities AS o49 
WHERE o49.id IN (SELECT po48.opportunity_id 
FROM plan_opportunities AS po48 JOIN tree46 ON po48.plan_id = tree46.id) AND o49.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o49.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o49.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s51.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST((CAST(coalesce(sum(s51.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s51.low), 0) AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w10.currency AS INTEGER), 2)) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s51.currency, json_build_array(s51.high, s51.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 23, "column": 11}]' AS JSON)) END AS anon_14 
FROM (SELECT sums50.currency AS currency, sums50.high AS high, sums50.low AS low 
FROM sums50 
WHERE sums50.bucket = 'won') AS s51) AS f0, (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s52.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST((CAST(coalesce(sum(s52.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s52.low), 0) AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w10.currency AS INTEGER), 2)) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s52.currency, json_build_array(s52.high, s52.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 24, "column": 11}]' AS JSON)) END AS anon_15 
FROM (SELECT sums50.currency AS currency, sums50.high AS high, sums50.low AS low 
FROM sums50 
WHERE sums50.bucket = 'open') AS s52) AS f1, (SELECT json_build_object('won', coalesce(json_agg(json_build_object('amount', CAST(round(CAST((CAST(c53.high AS NUMERIC) * 1000000000 + CAST(c53.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> c53.currency AS INTEGER), 2)) AS TEXT), 'currency', c53.currency) ORDER BY c53.currency) FILTER (WHERE (c53.bucket = 'won')), CAST('[]' AS JSON)), 'pipeline', coalesce(json_agg(json_build_object('amount', CAST(round(CAST((CAST(c53.high AS NUMERIC) * 1000000000 + CAST(c53.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> c53.currency AS INTEGER), 2)) AS TEXT), 'currency', c53.currency) ORDER BY c53.currency) FILTER (WHERE (c53.bucket = 'open')), CAST('[]' AS JSON)), 'missingRates', coalesce(json_agg(DISTINCT ((c53.currency || '->') || c53.plan_currency) ORDER BY ((c53.currency || '->') || c53.plan_currency)) FILTER (WHERE (c53.currency != c53.plan_currency AND NOT (EXISTS (SELECT r54.base 
FROM exchange_rates AS r54 
WHERE r54.base = c53.currency AND r54.quote = c53.plan_currency OR r54.base = c53.plan_currency AND r54.quote = c53.currency)))), CAST('[]' AS JSON))) AS anon_16 
FROM (SELECT sums50.bucket AS bucket, sums50.currency AS currency, sums50.plan_currency AS plan_currency, sums50.high AS high, sums50.low AS low 
FROM sums50 ORDER BY sums50.currency) AS c53) AS f2) AS b12 ON true), 'objectives', (WITH chosen57 AS 
(SELECT links56.id AS id, links56._via AS _via, links56._via_contact AS _via_contact 
FROM (SELECT anon_17.item AS id, anon_17.prio AS _via, anon_17.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON true 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2, 3)) AS anon_17) AS links56)
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen57), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w60._via = 1) THEN 'ACCOUNT' WHEN (w60._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t61.id AS TEXT), 'UTF8'), 'base64')) AS anon_19 
FROM contacts AS t61 
WHERE t61.id = w60._via_contact AND t61.id IN (SELECT contacts.id 
FROM contacts 
WHERE EXISTS (SELECT * 
FROM account_contacts AS account_contacts_8 
WHERE account_contacts_8.contact_id = contacts.id AND account_contacts_8.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'actualForAccount', b62.f0, 'node', json_build_object('id', encode(convert_to('Objective:' || CAST(w60.id AS TEXT), 'UTF8'), 'base64'), 'name', w60.name, 'isGlobal', (w60.account_id IS NULL AND w60.contact_id IS NULL), 'actual', b62.f1))), CAST('[]' AS JSON))) AS anon_18 
FROM (SELECT c58.id AS id, c58.name AS name, c58.status AS status, c58.period_id AS period_id, c58.plan_id AS plan_id, c58.parent_id AS parent_id, c58.account_id AS account_id, c58.contact_id AS contact_id, c58.target_micros AS target_micros, c58.unit AS unit, c58.revenue_target_milli AS revenue_target_milli, c58.revenue_target_currency AS revenue_target_currency, c58.measure AS measure, c58.manual_actual_micros AS manual_actual_micros, c58.created_at AS created_at, head59._via AS _via, head59._via_contact AS _via_contact 
FROM (SELECT chosen57.id AS id, chosen57._via AS _via, chosen57._via_contact AS _via_contact 
FROM chosen57 ORDER BY chosen57.id ASC 
 LIMIT $13::INTEGER) AS head59 JOIN objectives AS c58 ON head59.id = c58.id ORDER BY head59.id ASC) AS w60 JOIN LATERAL (WITH RECURSIVE objective_tree63(id) AS 
(SELECT w60.id AS id UNION SELECT ob64.id AS id 
FROM objectives AS ob64 JOIN objective_tree63 ON ob64.parent_id = objective_tree63.id), 
won67 AS 
(SELECT min(o66.currency) AS "only", max(o66.currency) AS last, coalesce(sum(o66.amount_milli / 1000000000), 0) AS high, coalesce(sum(o66.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o66.currency != w60.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o66 JOIN objective_tree63 ON o66.objective_id = objective_tree63.id 
WHERE o66.stage = 'CLOSED_WON' AND w60.measure = 'WON_REVENUE'), 
s69 AS 
(SELECT o68.currency AS currency, sum(o68.amount_milli / 1000000000) AS high, sum(o68.amount_milli % 1000000000) AS low 
FROM opportunities AS o68 JOIN objective_tree63 ON o68.objective_id = objective_tree63.id 
WHERE o68.stage = 'CLOSED_WON' GROUP BY o68.currency), 
won72 AS 
(SELECT min(o71.currency) AS "only", max(o71.currency) AS last, coalesce(sum(o71.amount_milli / 1000000000), 0) AS high, coalesce(sum(o71.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o71.currency != w60.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o71 JOIN objective_tree63 ON o71.objective_id = objective_tree63.id 
WHERE o71.stage = 'CLOSED_WON' AND (NOT (w60.account_id IS NULL AND w60.contact_id IS NULL) OR o71.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o71.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) AND w60.measure = 'WON_REVENUE' AND w60.account_id IS NULL AND w60.contact_id IS NULL), 
s74 AS 
(SELECT o73.currency AS currency, sum(o73.amount_milli / 1000000000) AS high, sum(o73.amount_milli % 1000000000) AS low 
FROM opportunities AS o73 JOIN objective_tree63 ON o73.objective_id = objective_tree63.id 
WHERE o73.stage = 'CLOSED_WON' AND (NOT (w60.account_id IS NULL AND w60.contact_id IS NULL) OR o73.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o73.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o73.currency)
 SELECT CASE WHEN CASE WHEN (w60.account_id IS NULL AND w60.contact_id IS NULL) THEN i75.needs1 ELSE i75.needs0 END THEN json_build_object('$progress', 'actual', '$measure', w60.measure, '$target', CAST(w60.target_micros AS TEXT), '$revenue', CAST(w60.revenue_target_milli AS TEXT), '$currency', w60.revenue_target_currency, '$manual', CAST(w60.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s74.currency, json_build_array(s74.high, s74.low)) AS json_object_agg_5 
FROM s74), '$locations', CAST('[{"line": 50, "column": 37}]' AS JSON)) ELSE to_json(CASE WHEN (w60.account_id IS NULL AND w60.contact_id IS NULL) THEN i75.done1 ELSE i75.done0 END) END AS f0, CASE WHEN i75.needs0 THEN json_build_object('$progress', 'actual', '$measure', w60.measure, '$target', CAST(w60.target_micros AS TEXT), '$revenue', CAST(w60.revenue_target_milli AS TEXT), '$currency', w60.revenue_target_currency, '$manual', CAST(w60.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s69.currency, json_build_array(s69.high, s69.low)) AS json_object_agg_6 
FROM s69), '$locations', CAST('[{"line": 50, "column": 78}]' AS JSON)) ELSE to_json(i75.done0) END AS f1 
FROM (SELECT CASE WHEN (w60.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w60.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w60.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_5 
FROM activities AS a65 JOIN objective_tree63 ON a65.objective_id = objective_tree63.id 
WHERE a65.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w60.revenue_target_currency IS NULL AND won67."only" != won67.last) THEN NULL WHEN (coalesce(w60.revenue_target_currency, won67."only") IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(won67.high AS NUMERIC) * 1000000000 + CAST(won67.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w60.revenue_target_currency, won67."only") AS INTEGER), 2)) AS TEXT) END END AS done0, w60.measure = 'WON_REVENUE' AND w60.revenue_target_currency IS NOT NULL AND won67."foreign" > 0 AS needs0, CASE WHEN (w60.account_id IS NULL AND w60.contact_id IS NULL) THEN CASE WHEN (w60.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w60.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w60.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_6 
FROM activities AS a70 JOIN objective_tree63 ON a70.objective_id = objective_tree63.id 
WHERE a70.status = 'COMPLETED' AND (NOT (w60.account_id IS NULL AND w60.contact_id IS NULL) OR a70.account_id = t1.id OR a70.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w60.revenue_target_currency IS NULL AND won72."only" != won72.last) THEN NULL WHEN (coalesce(w60.revenue_target_currency, won72."only") IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(won72.high AS NUMERIC) * 1000000000 + CAST(won72.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w60.revenue_target_currency, won72."only") AS INTEGER), 2)) AS TEXT) END END ELSE NULL END AS done1, CASE WHEN (w60.account_id IS NULL AND w60.contact_id IS NULL) THEN w60.measure = 'WON_REVENUE' AND w60.revenue_target_currency IS NOT NULL AND won72."foreign" > 0 ELSE false END AS needs1 
FROM won67 JOIN won72 ON true
 LIMIT ALL OFFSET 0) AS i75) AS b62 ON true), 'opportunities', (WITH chosen78 AS 
(SELECT links77.id AS id, links77._via AS _via, links77._via_contact AS _via_contact 
FROM (SELECT anon_20.item AS id, anon_20.prio AS _via, anon_20.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $14::INTEGER AND ranked.prio IN (1, 2)) AS anon_20) AS links77 
WHERE links77.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_7 
FROM chosen78), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w81._via = 1) THEN 'ACCOUNT' WHEN (w81._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Opportunity:' || CAST(w81.id AS TEXT), 'UTF8'), 'base64'), 'name', w81.name, 'stage', w81.stage))), CAST('[]' AS JSON))) AS anon_21 
FROM (SELECT c79.id AS id, c79.name AS name, c79.account_id AS account_id, c79.stage AS stage, c79.amount_milli AS amount_milli, c79.currency AS currency, c79.close_on AS close_on, c79.owner_id AS owner_id, c79.objective_id AS objective_id, c79.created_at AS created_at, head80._via AS _via, head80._via_contact AS _via_contact 
FROM (SELECT chosen78.id AS id, chosen78._via AS _via, chosen78._via_contact AS _via_contact 
FROM chosen78 ORDER BY chosen78.id ASC 
 LIMIT $15::INTEGER) AS head80 JOIN opportunities AS c79 ON head80.id = c79.id ORDER BY head80.id ASC) AS w81), 'activities', (WITH chosen84 AS 
(SELECT links83.id AS id, links83._via AS _via, links83._via_contact AS _via_contact 
FROM (SELECT anon_22.item AS id, anon_22.prio AS _via, anon_22.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $16::INTEGER AND ranked.prio IN (1, 2)) AS anon_22) AS links83)
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_8 
FROM chosen84), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w87._via = 1) THEN 'ACCOUNT' WHEN (w87._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Activity:' || CAST(w87.id AS TEXT), 'UTF8'), 'base64'), 'subject', w87.subject, 'status', w87.status))), CAST('[]' AS JSON))) AS anon_23 
FROM (SELECT c85.id AS id, c85.type AS type, c85.subject AS subject, c85.status AS status, c85.due_at AS due_at, c85.owner_id AS owner_id, c85.account_id AS account_id, c85.contact_id AS contact_id, c85.plan_id AS plan_id, c85.objective_id AS objective_id, c85.opportunity_id AS opportunity_id, c85.follow_up_of_id AS follow_up_of_id, c85.created_at AS created_at, head86._via AS _via, head86._via_contact AS _via_contact 
FROM (SELECT chosen84.id AS id, chosen84._via AS _via, chosen84._via_contact AS _via_contact 
FROM chosen84 ORDER BY chosen84.id ASC 
 LIMIT $17::INTEGER) AS head86 JOIN activities AS c85 ON head86.id = c85.id ORDER BY head86.id ASC) AS w87)) AS anon_2 
FROM accounts AS t1 
WHERE t1.id = $18::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS anon_1
