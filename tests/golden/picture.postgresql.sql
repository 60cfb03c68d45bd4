SELECT answer48.anon_1, CASE WHEN (strpos(answer48.anon_1, '"$locations"') > 0) THEN (SELECT coalesce(json_agg(json_build_array(r49.base, r49.quote, CAST(r49.rate AS TEXT))), CAST('[]' AS JSON)) AS coalesce_1 
FROM exchange_rates AS r49) ELSE NULL END AS anon_2 
FROM (SELECT CAST(json_build_object('data', json_build_object('account', (SELECT json_build_object('id', encode(convert_to('Account:' || CAST(t1.id AS TEXT), 'UTF8'), 'base64'), 'name', t1.name, 'contacts', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Contact:' || CAST(w4.id AS TEXT), 'UTF8'), 'base64'), 'firstName', w4.first_name, 'lastName', w4.last_name, 'email', w4.email)), CAST('[]' AS JSON))) AS anon_4 
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
(SELECT k1000001.id AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact, k1000001.parent_id AS parent_id 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT plan_accounts.account_id AS acct, plan_accounts.plan_id AS item, 1 AS prio, NULL AS contact 
FROM plan_accounts 
WHERE plan_accounts.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, plan_contacts.plan_id AS item, 2 AS prio, plan_contacts.contact_id AS contact 
FROM account_contacts JOIN plan_contacts ON plan_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = 1 AND ranked.prio IN (1, 2)) AS anon_1 JOIN business_plans AS k1000001 ON anon_1.item = k1000001.id)
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
FROM (SELECT c15.id AS id, c15.name AS name, c15.status AS status, c15.period_id AS period_id, c15.plan_id AS plan_id, c15.parent_id AS parent_id, c15.account_id AS account_id, c15.contact_id AS contact_id, c15.target_micros AS target_micros, c15.unit AS unit, c15.revenue_target_milli AS revenue_target_milli, c15.revenue_target_currency AS revenue_target_currency, c15.measure AS measure, c15.manual_actual_micros AS manual_actual_micros, c15.done_activities AS done_activities, c15.won_min_currency AS won_min_currency, c15.won_max_currency AS won_max_currency, c15.won_high AS won_high, c15.won_low AS won_low, c15.won_by_currency AS won_by_currency, c15.in_global_tree AS in_global_tree, c15.created_at AS created_at 
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
 LIMIT $3::INTEGER) AS w16 JOIN LATERAL (SELECT CASE WHEN i1000001.needs0 THEN json_build_object('$progress', 'actual', '$measure', w16.measure, '$target', CAST(w16.target_micros AS TEXT), '$revenue', CAST(w16.revenue_target_milli AS TEXT), '$currency', w16.revenue_target_currency, '$manual', CAST(w16.manual_actual_micros AS TEXT), '$completed', 0, '$won', CAST(w16.won_by_currency AS JSON), '$locations', CAST('[{"line": 29, "column": 75}]' AS JSON)) ELSE to_json(i1000001.done0) END AS f0, CASE WHEN i1000001.needs0 THEN json_build_object('$progress', 'progress', '$measure', w16.measure, '$target', CAST(w16.target_micros AS TEXT), '$revenue', CAST(w16.revenue_target_milli AS TEXT), '$currency', w16.revenue_target_currency, '$manual', CAST(w16.manual_actual_micros AS TEXT), '$completed', 0, '$won', CAST(w16.won_by_currency AS JSON), '$locations', CAST('[{"line": 29, "column": 82}]' AS JSON)) ELSE CAST(regexp_replace(CAST(to_json(CAST(i1000001.done0 AS FLOAT) / nullif(CAST(i1000001.goal AS FLOAT), 0)) AS TEXT), '^-?[0-9]+$', '\&.0') AS JSON) END AS f1 
FROM (SELECT CASE WHEN (w16.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w16.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w16.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w16.done_activities AS TEXT) ELSE CASE WHEN (w16.revenue_target_currency IS NULL AND w16.won_min_currency != w16.won_max_currency) THEN NULL WHEN (coalesce(w16.revenue_target_currency, w16.won_min_currency) IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(w16.won_high AS NUMERIC) * 1000000000 + CAST(w16.won_low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w16.revenue_target_currency, w16.won_min_currency) AS INTEGER), 2)) AS TEXT) END END AS done0, w16.measure = 'WON_REVENUE' AND w16.revenue_target_currency IS NOT NULL AND (w16.won_min_currency != w16.revenue_target_currency OR w16.won_max_currency != w16.revenue_target_currency) AS needs0, CASE WHEN (w16.measure = 'WON_REVENUE' AND w16.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w16.revenue_target_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w16.revenue_target_currency AS INTEGER), 2)) AS TEXT) ELSE CAST(trim_scale(CAST(w16.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS goal
 LIMIT ALL OFFSET 0) AS i1000001) AS b17 ON true), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w20.id AS TEXT), 'UTF8'), 'base64'), 'name', w20.name, 'stage', w20.stage, 'amount', CASE WHEN (w20.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w20.amount_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w20.currency AS INTEGER), 2)) AS TEXT), 'currency', w20.currency) END)), CAST('[]' AS JSON))) AS anon_9 
FROM (SELECT c18.id AS id, c18.name AS name, c18.account_id AS account_id, c18.stage AS stage, c18.amount_milli AS amount_milli, c18.currency AS currency, c18.close_on AS close_on, c18.owner_id AS owner_id, c18.objective_id AS objective_id, c18.created_at AS created_at 
FROM plan_opportunities AS l19 JOIN opportunities AS c18 ON c18.id = l19.opportunity_id 
WHERE l19.plan_id = w14.id AND c18.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) ORDER BY c18.id ASC 
 LIMIT $4::INTEGER) AS w20), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w22.id AS TEXT), 'UTF8'), 'base64'), 'subject', w22.subject, 'status', w22.status)), CAST('[]' AS JSON))) AS anon_10 
FROM (SELECT c21.id AS id, c21.type AS type, c21.subject AS subject, c21.status AS status, c21.due_at AS due_at, c21.owner_id AS owner_id, c21.account_id AS account_id, c21.contact_id AS contact_id, c21.plan_id AS plan_id, c21.objective_id AS objective_id, c21.opportunity_id AS opportunity_id, c21.follow_up_of_id AS follow_up_of_id, c21.created_at AS created_at 
FROM activities AS c21 
WHERE c21.plan_id = w14.id AND (c21.owner_id = $1::INTEGER OR c21.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_4 
WHERE account_contacts_4.contact_id = c21.contact_id AND account_contacts_4.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c21.id ASC 
 LIMIT $5::INTEGER) AS w22))), CAST('[]' AS JSON))) AS anon_7 
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
 LIMIT $6::INTEGER) AS w14), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w24.id AS TEXT), 'UTF8'), 'base64'), 'name', w24.name, 'target', CAST(trim_scale(CAST(w24.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w24.unit, 'measure', w24.measure, 'actual', b25.f0, 'progress', b25.f1, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w27.id AS TEXT), 'UTF8'), 'base64'), 'name', w27.name, 'stage', w27.stage, 'amount', CASE WHEN (w27.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w27.amount_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w27.currency AS INTEGER), 2)) AS TEXT), 'currency', w27.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w29.id AS TEXT), 'UTF8'), 'base64'), 'subject', w29.subject, 'status', w29.status, 'type', w29.type)), CAST('[]' AS JSON))) AS anon_13 
FROM (SELECT c28.id AS id, c28.type AS type, c28.subject AS subject, c28.status AS status, c28.due_at AS due_at, c28.owner_id AS owner_id, c28.account_id AS account_id, c28.contact_id AS contact_id, c28.plan_id AS plan_id, c28.objective_id AS objective_id, c28.opportunity_id AS opportunity_id, c28.follow_up_of_id AS follow_up_of_id, c28.created_at AS created_at 
FROM activities AS c28 
WHERE c28.opportunity_id = w27.id AND (c28.owner_id = $1::INTEGER OR c28.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) OR (EXISTS (SELECT * 
FROM account_contacts AS account_contacts_6 
WHERE account_contacts_6.contact_id = c28.contact_id AND account_contacts_6.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c28.id ASC 
 LIMIT $7::INTEGER) AS w29))), CAST('[]' AS JSON))) AS anon_12 
FROM (SELECT c26.id AS id, c26.name AS name, c26.account_id AS account_id, c26.stage AS stage, c26.amount_milli AS amount_milli, c26.currency AS currency, c26.close_on AS close_on, c26.owner_id AS owner_id, c26.objective_id AS objective_id, c26.created_at AS created_at 
FROM opportunities AS c26 
WHERE c26.objective_id = w24.id AND c26.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)) ORDER BY c26.id ASC 
 LIMIT $8::INTEGER) AS w27))), CAST('[]' AS JSON))) AS anon_11 
FROM (SELECT c23.id AS id, c23.name AS name, c23.status AS status, c23.period_id AS period_id, c23.plan_id AS plan_id, c23.parent_id AS parent_id, c23.account_id AS account_id, c23.contact_id AS contact_id, c23.target_micros AS target_micros, c23.unit AS unit, c23.revenue_target_milli AS revenue_target_milli, c23.revenue_target_currency AS revenue_target_currency, c23.measure AS measure, c23.manual_actual_micros AS manual_actual_micros, c23.done_activities AS done_activities, c23.won_min_currency AS won_min_currency, c23.won_max_currency AS won_max_currency, c23.won_high AS won_high, c23.won_low AS won_low, c23.won_by_currency AS won_by_currency, c23.in_global_tree AS in_global_tree, c23.created_at AS created_at 
FROM objectives AS c23 
WHERE c23.plan_id = w10.id AND c23.id IN (SELECT objectives.id 
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
WHERE account_team_members.user_id = $1::INTEGER))))) ORDER BY c23.id ASC 
 LIMIT $9::INTEGER) AS w24 JOIN LATERAL (SELECT CASE WHEN i1000001.needs0 THEN json_build_object('$progress', 'actual', '$measure', w24.measure, '$target', CAST(w24.target_micros AS TEXT), '$revenue', CAST(w24.revenue_target_milli AS TEXT), '$currency', w24.revenue_target_currency, '$manual', CAST(w24.manual_actual_micros AS TEXT), '$completed', 0, '$won', CAST(w24.won_by_currency AS JSON), '$locations', CAST('[{"line": 36, "column": 43}]' AS JSON)) ELSE to_json(i1000001.done0) END AS f0, CASE WHEN i1000001.needs0 THEN json_build_object('$progress', 'progress', '$measure', w24.measure, '$target', CAST(w24.target_micros AS TEXT), '$revenue', CAST(w24.revenue_target_milli AS TEXT), '$currency', w24.revenue_target_currency, '$manual', CAST(w24.manual_actual_micros AS TEXT), '$completed', 0, '$won', CAST(w24.won_by_currency AS JSON), '$locations', CAST('[{"line": 36, "column": 50}]' AS JSON)) ELSE CAST(regexp_replace(CAST(to_json(CAST(i1000001.done0 AS FLOAT) / nullif(CAST(i1000001.goal AS FLOAT), 0)) AS TEXT), '^-?[0-9]+$', '\&.0') AS JSON) END AS f1 
FROM (SELECT CASE WHEN (w24.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w24.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w24.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w24.done_activities AS TEXT) ELSE CASE WHEN (w24.revenue_target_currency IS NULL AND w24.won_min_currency != w24.won_max_currency) THEN NULL WHEN (coalesce(w24.revenue_target_currency, w24.won_min_currency) IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(w24.won_high AS NUMERIC) * 1000000000 + CAST(w24.won_low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w24.revenue_target_currency, w24.won_min_currency) AS INTEGER), 2)) AS TEXT) END END AS done0, w24.measure = 'WON_REVENUE' AND w24.revenue_target_currency IS NOT NULL AND (w24.won_min_currency != w24.revenue_target_currency OR w24.won_max_currency != w24.revenue_target_currency) AS needs0, CASE WHEN (w24.measure = 'WON_REVENUE' AND w24.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w24.revenue_target_milli AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w24.revenue_target_currency AS INTEGER), 2)) AS TEXT) ELSE CAST(trim_scale(CAST(w24.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS goal
 LIMIT ALL OFFSET 0) AS i1000001) AS b25 ON true)))), CAST('[]' AS JSON))) AS anon_5 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC 
 LIMIT $10::INTEGER) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10 JOIN LATERAL (WITH RECURSIVE tree1000001(id) AS 
(SELECT w10.id AS id UNION SELECT b1000002.id AS id 
FROM business_plans AS b1000002 JOIN tree1000001 ON b1000002.parent_id = tree1000001.id), 
sums1000005 AS 
(SELECT CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o1000004.currency AS currency, w10.currency AS plan_currency, sum(o1000004.amount_milli / 1000000000) AS high, sum(o1000004.amount_milli % 1000000000) AS low 
FROM opportunities AS o1000004 
WHERE o1000004.id IN (SELECT po1000003.opportunity_id 
FROM plan_opportunities AS po1000003 JOIN tree1000001 ON po1000003.plan_id = tree1000001.id) AND o1000004.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o1000004.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o1000004.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s1000006.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST((CAST(coalesce(sum(s1000006.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s1000006.low), 0) AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w10.currency AS INTEGER), 2)) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s1000006.currency, json_build_array(s1000006.high, s1000006.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 23, "column": 11}]' AS JSON)) END AS anon_1 
FROM (SELECT sums1000005.currency AS currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 
WHERE sums1000005.bucket = 'won') AS s1000006) AS f0, (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s1000007.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST((CAST(coalesce(sum(s1000007.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s1000007.low), 0) AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> w10.currency AS INTEGER), 2)) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s1000007.currency, json_build_array(s1000007.high, s1000007.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 24, "column": 11}]' AS JSON)) END AS anon_2 
FROM (SELECT sums1000005.currency AS currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 
WHERE sums1000005.bucket = 'open') AS s1000007) AS f1, (SELECT json_build_object('won', coalesce(json_agg(json_build_object('amount', CAST(round(CAST((CAST(c1000008.high AS NUMERIC) * 1000000000 + CAST(c1000008.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> c1000008.currency AS INTEGER), 2)) AS TEXT), 'currency', c1000008.currency) ORDER BY c1000008.currency) FILTER (WHERE (c1000008.bucket = 'won')), CAST('[]' AS JSON)), 'pipeline', coalesce(json_agg(json_build_object('amount', CAST(round(CAST((CAST(c1000008.high AS NUMERIC) * 1000000000 + CAST(c1000008.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> c1000008.currency AS INTEGER), 2)) AS TEXT), 'currency', c1000008.currency) ORDER BY c1000008.currency) FILTER (WHERE (c1000008.bucket = 'open')), CAST('[]' AS JSON)), 'missingRates', coalesce(json_agg(DISTINCT ((c1000008.currency || '->') || c1000008.plan_currency) ORDER BY ((c1000008.currency || '->') || c1000008.plan_currency)) FILTER (WHERE (c1000008.currency != c1000008.plan_currency AND NOT (EXISTS (SELECT r1000009.base 
FROM exchange_rates AS r1000009 
WHERE r1000009.base = c1000008.currency AND r1000009.quote = c1000008.plan_currency OR r1000009.base = c1000008.plan_currency AND r1000009.quote = c1000008.currency)))), CAST('[]' AS JSON))) AS anon_3 
FROM (SELECT sums1000005.bucket AS bucket, sums1000005.currency AS currency, sums1000005.plan_currency AS plan_currency, sums1000005.high AS high, sums1000005.low AS low 
FROM sums1000005 ORDER BY sums1000005.currency) AS c1000008) AS f2) AS b12 ON true), 'objectives', (WITH chosen31 AS 
(SELECT links1000002.id AS id, links1000002._via AS _via, links1000002._via_contact AS _via_contact 
FROM (SELECT anon_1.item AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT objectives.account_id AS acct, objectives.id AS item, 1 AS prio, NULL AS contact 
FROM objectives 
WHERE objectives.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, objectives.id AS item, 2 AS prio, objectives.contact_id AS contact 
FROM account_contacts JOIN objectives ON objectives.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id UNION ALL SELECT accounts.id AS acct, objectives.id AS item, 3 AS prio, NULL AS contact 
FROM accounts JOIN objectives ON true 
WHERE accounts.id = t1.id AND objectives.account_id IS NULL AND objectives.contact_id IS NULL) AS links) AS ranked 
WHERE ranked.pick = 1 AND ranked.prio IN (1, 2, 3)) AS anon_1) AS links1000002)
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_2 
FROM chosen31), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w34._via = 1) THEN 'ACCOUNT' WHEN (w34._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t35.id AS TEXT), 'UTF8'), 'base64')) AS anon_15 
FROM contacts AS t35 
WHERE t35.id = w34._via_contact AND t35.id IN (SELECT contacts.id 
FROM contacts 
WHERE EXISTS (SELECT * 
FROM account_contacts AS account_contacts_8 
WHERE account_contacts_8.contact_id = contacts.id AND account_contacts_8.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'actualForAccount', b36.f0, 'node', json_build_object('id', encode(convert_to('Objective:' || CAST(w34.id AS TEXT), 'UTF8'), 'base64'), 'name', w34.name, 'isGlobal', (w34.account_id IS NULL AND w34.contact_id IS NULL), 'actual', b36.f1))), CAST('[]' AS JSON))) AS anon_14 
FROM (SELECT c32.id AS id, c32.name AS name, c32.status AS status, c32.period_id AS period_id, c32.plan_id AS plan_id, c32.parent_id AS parent_id, c32.account_id AS account_id, c32.contact_id AS contact_id, c32.target_micros AS target_micros, c32.unit AS unit, c32.revenue_target_milli AS revenue_target_milli, c32.revenue_target_currency AS revenue_target_currency, c32.measure AS measure, c32.manual_actual_micros AS manual_actual_micros, c32.done_activities AS done_activities, c32.won_min_currency AS won_min_currency, c32.won_max_currency AS won_max_currency, c32.won_high AS won_high, c32.won_low AS won_low, c32.won_by_currency AS won_by_currency, c32.in_global_tree AS in_global_tree, c32.created_at AS created_at, head33._via AS _via, head33._via_contact AS _via_contact 
FROM (SELECT chosen31.id AS id, chosen31._via AS _via, chosen31._via_contact AS _via_contact 
FROM chosen31 ORDER BY chosen31.id ASC 
 LIMIT $11::INTEGER) AS head33 JOIN objectives AS c32 ON c32.id = head33.id ORDER BY head33.id ASC) AS w34 JOIN LATERAL (WITH won1000002 AS 
(SELECT coalesce(sum(t1000001.done_activities), 0) AS done, min(t1000001.won_min_currency) AS "only", max(t1000001.won_max_currency) AS last, coalesce(sum(t1000001.won_high), 0) AS high, coalesce(sum(t1000001.won_low), 0) AS low, max(t1000001.won_by_currency) AS currencies 
FROM objective_account_totals AS t1000001 
WHERE t1000001.objective_id = w34.id AND t1000001.account_id = t1.id AND w34.account_id IS NULL AND w34.contact_id IS NULL)
 SELECT CASE WHEN CASE WHEN (w34.account_id IS NULL AND w34.contact_id IS NULL) THEN i1000003.needs1 ELSE i1000003.needs0 END THEN json_build_object('$progress', 'actual', '$measure', w34.measure, '$target', CAST(w34.target_micros AS TEXT), '$revenue', CAST(w34.revenue_target_milli AS TEXT), '$currency', w34.revenue_target_currency, '$manual', CAST(w34.manual_actual_micros AS TEXT), '$completed', 0, '$won', CAST(CASE WHEN (w34.account_id IS NULL AND w34.contact_id IS NULL) THEN i1000003.won1 ELSE w34.won_by_currency END AS JSON), '$locations', CAST('[{"line": 50, "column": 37}]' AS JSON)) ELSE to_json(CASE WHEN (w34.account_id IS NULL AND w34.contact_id IS NULL) THEN i1000003.done1 ELSE i1000003.done0 END) END AS f0, CASE WHEN i1000003.needs0 THEN json_build_object('$progress', 'actual', '$measure', w34.measure, '$target', CAST(w34.target_micros AS TEXT), '$revenue', CAST(w34.revenue_target_milli AS TEXT), '$currency', w34.revenue_target_currency, '$manual', CAST(w34.manual_actual_micros AS TEXT), '$completed', 0, '$won', CAST(w34.won_by_currency AS JSON), '$locations', CAST('[{"line": 50, "column": 78}]' AS JSON)) ELSE to_json(i1000003.done0) END AS f1 
FROM (SELECT CASE WHEN (w34.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w34.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w34.measure = 'COMPLETED_ACTIVITIES') THEN CAST(w34.done_activities AS TEXT) ELSE CASE WHEN (w34.revenue_target_currency IS NULL AND w34.won_min_currency != w34.won_max_currency) THEN NULL WHEN (coalesce(w34.revenue_target_currency, w34.won_min_currency) IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(w34.won_high AS NUMERIC) * 1000000000 + CAST(w34.won_low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w34.revenue_target_currency, w34.won_min_currency) AS INTEGER), 2)) AS TEXT) END END AS done0, w34.measure = 'WON_REVENUE' AND w34.revenue_target_currency IS NOT NULL AND (w34.won_min_currency != w34.revenue_target_currency OR w34.won_max_currency != w34.revenue_target_currency) AS needs0, won1000002.currencies AS won1, CASE WHEN (w34.account_id IS NULL AND w34.contact_id IS NULL) THEN CASE WHEN (w34.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w34.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w34.measure = 'COMPLETED_ACTIVITIES') THEN CAST(won1000002.done AS TEXT) ELSE CASE WHEN (w34.revenue_target_currency IS NULL AND won1000002."only" != won1000002.last) THEN NULL WHEN (coalesce(w34.revenue_target_currency, won1000002."only") IS NULL) THEN '0' ELSE CAST(round(CAST((CAST(won1000002.high AS NUMERIC) * 1000000000 + CAST(won1000002.low AS NUMERIC)) AS NUMERIC) * 0.001, coalesce(CAST(CAST('{"BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3, "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0, "TND": 3, "UGX": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0}' AS JSONB) ->> coalesce(w34.revenue_target_currency, won1000002."only") AS INTEGER), 2)) AS TEXT) END END ELSE NULL END AS done1, CASE WHEN (w34.account_id IS NULL AND w34.contact_id IS NULL) THEN w34.measure = 'WON_REVENUE' AND w34.revenue_target_currency IS NOT NULL AND (won1000002."only" != w34.revenue_target_currency OR won1000002.last != w34.revenue_target_currency) ELSE false END AS needs1 
FROM won1000002
 LIMIT ALL OFFSET 0) AS i1000003) AS b36 ON true), 'opportunities', (WITH chosen39 AS 
(SELECT links38.id AS id, links38._via AS _via, links38._via_contact AS _via_contact 
FROM (SELECT anon_16.item AS id, anon_16.prio AS _via, anon_16.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2)) AS anon_16) AS links38 
WHERE links38.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_3 
FROM chosen39), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w42._via = 1) THEN 'ACCOUNT' WHEN (w42._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Opportunity:' || CAST(w42.id AS TEXT), 'UTF8'), 'base64'), 'name', w42.name, 'stage', w42.stage))), CAST('[]' AS JSON))) AS anon_17 
FROM (SELECT c40.id AS id, c40.name AS name, c40.account_id AS account_id, c40.stage AS stage, c40.amount_milli AS amount_milli, c40.currency AS currency, c40.close_on AS close_on, c40.owner_id AS owner_id, c40.objective_id AS objective_id, c40.created_at AS created_at, head41._via AS _via, head41._via_contact AS _via_contact 
FROM (SELECT chosen39.id AS id, chosen39._via AS _via, chosen39._via_contact AS _via_contact 
FROM chosen39 ORDER BY chosen39.id ASC 
 LIMIT $13::INTEGER) AS head41 JOIN opportunities AS c40 ON head41.id = c40.id ORDER BY head41.id ASC) AS w42), 'activities', (WITH chosen44 AS 
(SELECT links1000002.id AS id, links1000002._via AS _via, links1000002._via_contact AS _via_contact 
FROM (SELECT anon_1.item AS id, anon_1.prio AS _via, anon_1.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = 1 AND ranked.prio IN (1, 2)) AS anon_1) AS links1000002)
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen44), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w47._via = 1) THEN 'ACCOUNT' WHEN (w47._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Activity:' || CAST(w47.id AS TEXT), 'UTF8'), 'base64'), 'subject', w47.subject, 'status', w47.status))), CAST('[]' AS JSON))) AS anon_18 
FROM (SELECT c45.id AS id, c45.type AS type, c45.subject AS subject, c45.status AS status, c45.due_at AS due_at, c45.owner_id AS owner_id, c45.account_id AS account_id, c45.contact_id AS contact_id, c45.plan_id AS plan_id, c45.objective_id AS objective_id, c45.opportunity_id AS opportunity_id, c45.follow_up_of_id AS follow_up_of_id, c45.created_at AS created_at, head46._via AS _via, head46._via_contact AS _via_contact 
FROM (SELECT chosen44.id AS id, chosen44._via AS _via, chosen44._via_contact AS _via_contact 
FROM chosen44 ORDER BY chosen44.id ASC 
 LIMIT $14::INTEGER) AS head46 JOIN activities AS c45 ON c45.id = head46.id ORDER BY head46.id ASC) AS w47)) AS anon_3 
FROM accounts AS t1 
WHERE t1.id = $15::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS anon_1
 LIMIT ALL OFFSET 0) AS answer48
