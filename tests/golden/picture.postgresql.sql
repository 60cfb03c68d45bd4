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
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w10.id AS TEXT), 'UTF8'), 'base64'), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w10.revenue_target_milli AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) END, 'wonRevenue', b52.f4, 'pipelineRevenue', b52.f5, 'revenueByCurrency', b52.f6, 'subPlans', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w13.id AS TEXT), 'UTF8'), 'base64'), 'name', w13.name, 'status', w13.status, 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w15.id AS TEXT), 'UTF8'), 'base64'), 'name', w15.name, 'target', CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w15.unit, 'measure', w15.measure, 'actual', b22.f5, 'progress', b22.f6)), CAST('[]' AS JSON))) AS json_build_object_7 
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
 LIMIT $4::INTEGER) AS w15 JOIN LATERAL (WITH RECURSIVE objective_tree16(id) AS 
(SELECT w15.id AS id UNION SELECT ob17.id AS id 
FROM objectives AS ob17 JOIN objective_tree16 ON ob17.parent_id = objective_tree16.id), 
won20 AS 
(SELECT o19.currency AS currency, sum(o19.amount_milli / 1000000000) AS high, sum(o19.amount_milli % 1000000000) AS low 
FROM opportunities AS o19 
WHERE o19.objective_id IN (SELECT objective_tree16.id 
FROM objective_tree16) AND o19.stage = 'CLOSED_WON' GROUP BY o19.currency)
 SELECT CASE WHEN i21.needs THEN json_build_object('$progress', 'actual', '$measure', w15.measure, '$target', CAST(w15.target_micros AS TEXT), '$revenue', CAST(w15.revenue_target_milli AS TEXT), '$currency', w15.revenue_target_currency, '$manual', CAST(w15.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(won20.currency, json_build_array(won20.high, won20.low)) AS json_object_agg_1 
FROM won20), '$locations', CAST('[{"line": 29, "column": 75}]' AS JSON)) ELSE to_json(i21.done) END AS f5, CASE WHEN i21.needs THEN json_build_object('$progress', 'progress', '$measure', w15.measure, '$target', CAST(w15.target_micros AS TEXT), '$revenue', CAST(w15.revenue_target_milli AS TEXT), '$currency', w15.revenue_target_currency, '$manual', CAST(w15.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(won20.currency, json_build_array(won20.high, won20.low)) AS json_object_agg_1 
FROM won20), '$locations', CAST('[{"line": 29, "column": 82}]' AS JSON)) ELSE CASE WHEN (CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) = trunc(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) AND abs(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) < 1E+16) THEN CAST(CAST(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) AS TEXT) || '.0' AS JSON) ELSE to_json(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) END END AS f6 
FROM (SELECT CASE WHEN (w15.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w15.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w15.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a18 
WHERE a18.objective_id IN (SELECT objective_tree16.id 
FROM objective_tree16) AND a18.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w15.revenue_target_currency IS NULL AND (SELECT count(*) AS count_3 
FROM won20) > 1) THEN NULL WHEN (coalesce(w15.revenue_target_currency, (SELECT min(won20.currency) AS min_1 
FROM won20)) IS NULL) THEN '0' ELSE CAST(round(CAST(CAST((SELECT coalesce(sum(won20.high), 0) AS coalesce_1 
FROM won20) AS NUMERIC) * 1000000000 + CAST((SELECT coalesce(sum(won20.low), 0) AS coalesce_2 
FROM won20) AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w15.revenue_target_currency, (SELECT min(won20.currency) AS min_1 
FROM won20)) WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w15.measure = 'WON_REVENUE' AND w15.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_4 
FROM won20 
WHERE won20.currency != w15.revenue_target_currency) > 0 AS needs
 LIMIT ALL OFFSET 0) AS i21) AS b22 ON true), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w25.id AS TEXT), 'UTF8'), 'base64'), 'name', w25.name, 'stage', w25.stage, 'amount', CASE WHEN (w25.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w25.amount_milli AS NUMERIC) * 0.001, CASE w25.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w25.currency) END)), CAST('[]' AS JSON))) AS json_build_object_8 
FROM (SELECT c23.id AS id, c23.name AS name, c23.account_id AS account_id, c23.stage AS stage, c23.amount_milli AS amount_milli, c23.currency AS currency, c23.close_on AS close_on, c23.owner_id AS owner_id, c23.objective_id AS objective_id, c23.created_at AS created_at 
FROM plan_opportunities AS l24 JOIN opportunities AS c23 ON c23.id = l24.opportunity_id 
WHERE l24.plan_id = w13.id AND c23.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c23.id ASC 
 LIMIT $5::INTEGER) AS w25), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w27.id AS TEXT), 'UTF8'), 'base64'), 'subject', w27.subject, 'status', w27.status)), CAST('[]' AS JSON))) AS json_build_object_9 
FROM (SELECT c26.id AS id, c26.type AS type, c26.subject AS subject, c26.status AS status, c26.due_at AS due_at, c26.owner_id AS owner_id, c26.account_id AS account_id, c26.contact_id AS contact_id, c26.plan_id AS plan_id, c26.objective_id AS objective_id, c26.opportunity_id AS opportunity_id, c26.follow_up_of_id AS follow_up_of_id, c26.created_at AS created_at 
FROM activities AS c26 
WHERE c26.plan_id = w13.id AND c26.id IN (SELECT activities.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c26.id ASC 
 LIMIT $6::INTEGER) AS w27))), CAST('[]' AS JSON))) AS json_build_object_6 
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
 LIMIT $7::INTEGER) AS w13), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w29.id AS TEXT), 'UTF8'), 'base64'), 'name', w29.name, 'target', CAST(trim_scale(CAST(w29.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w29.unit, 'measure', w29.measure, 'actual', b40.f5, 'progress', b40.f6, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w31.id AS TEXT), 'UTF8'), 'base64'), 'name', w31.name, 'stage', w31.stage, 'amount', CASE WHEN (w31.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w31.amount_milli AS NUMERIC) * 0.001, CASE w31.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w31.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w33.id AS TEXT), 'UTF8'), 'base64'), 'subject', w33.subject, 'status', w33.status, 'type', w33.type)), CAST('[]' AS JSON))) AS json_build_object_12 
FROM (SELECT c32.id AS id, c32.type AS type, c32.subject AS subject, c32.status AS status, c32.due_at AS due_at, c32.owner_id AS owner_id, c32.account_id AS account_id, c32.contact_id AS contact_id, c32.plan_id AS plan_id, c32.objective_id AS objective_id, c32.opportunity_id AS opportunity_id, c32.follow_up_of_id AS follow_up_of_id, c32.created_at AS created_at 
FROM activities AS c32 
WHERE c32.opportunity_id = w31.id AND c32.id IN (SELECT activities.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c32.id ASC 
 LIMIT $8::INTEGER) AS w33))), CAST('[]' AS JSON))) AS json_build_object_11 
FROM (SELECT c30.id AS id, c30.name AS name, c30.account_id AS account_id, c30.stage AS stage, c30.amount_milli AS amount_milli, c30.currency AS currency, c30.close_on AS close_on, c30.owner_id AS owner_id, c30.objective_id AS objective_id, c30.created_at AS created_at 
FROM opportunities AS c30 
WHERE c30.objective_id = w29.id AND c30.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c30.id ASC 
 LIMIT $9::INTEGER) AS w31))), CAST('[]' AS JSON))) AS json_build_object_10 
FROM (SELECT c28.id AS id, c28.name AS name, c28.status AS status, c28.period_id AS period_id, c28.plan_id AS plan_id, c28.parent_id AS parent_id, c28.account_id AS account_id, c28.contact_id AS contact_id, c28.target_micros AS target_micros, c28.unit AS unit, c28.revenue_target_milli AS revenue_target_milli, c28.revenue_target_currency AS revenue_target_currency, c28.measure AS measure, c28.manual_actual_micros AS manual_actual_micros, c28.created_at AS created_at 
FROM objectives AS c28 
WHERE c28.plan_id = w10.id AND c28.id IN (SELECT objectives.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c28.id ASC 
 LIMIT $10::INTEGER) AS w29 JOIN LATERAL (WITH RECURSIVE objective_tree34(id) AS 
(SELECT w29.id AS id UNION SELECT ob35.id AS id 
FROM objectives AS ob35 JOIN objective_tree34 ON ob35.parent_id = objective_tree34.id), 
won38 AS 
(SELECT o37.currency AS currency, sum(o37.amount_milli / 1000000000) AS high, sum(o37.amount_milli % 1000000000) AS low 
FROM opportunities AS o37 
WHERE o37.objective_id IN (SELECT objective_tree34.id 
FROM objective_tree34) AND o37.stage = 'CLOSED_WON' GROUP BY o37.currency)
 SELECT CASE WHEN i39.needs THEN json_build_object('$progress', 'actual', '$measure', w29.measure, '$target', CAST(w29.target_micros AS TEXT), '$revenue', CAST(w29.revenue_target_milli AS TEXT), '$currency', w29.revenue_target_currency, '$manual', CAST(w29.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(won38.currency, json_build_array(won38.high, won38.low)) AS json_object_agg_2 
FROM won38), '$locations', CAST('[{"line": 36, "column": 43}]' AS JSON)) ELSE to_json(i39.done) END AS f5, CASE WHEN i39.needs THEN json_build_object('$progress', 'progress', '$measure', w29.measure, '$target', CAST(w29.target_micros AS TEXT), '$revenue', CAST(w29.revenue_target_milli AS TEXT), '$currency', w29.revenue_target_currency, '$manual', CAST(w29.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(won38.currency, json_build_array(won38.high, won38.low)) AS json_object_agg_2 
FROM won38), '$locations', CAST('[{"line": 36, "column": 50}]' AS JSON)) ELSE CASE WHEN (CAST(i39.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w29.measure = 'WON_REVENUE' AND w29.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w29.revenue_target_milli AS NUMERIC) * 0.001, CASE w29.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w29.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) = trunc(CAST(i39.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w29.measure = 'WON_REVENUE' AND w29.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w29.revenue_target_milli AS NUMERIC) * 0.001, CASE w29.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w29.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) AND abs(CAST(i39.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w29.measure = 'WON_REVENUE' AND w29.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w29.revenue_target_milli AS NUMERIC) * 0.001, CASE w29.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w29.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) < 1E+16) THEN CAST(CAST(CAST(i39.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w29.measure = 'WON_REVENUE' AND w29.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w29.revenue_target_milli AS NUMERIC) * 0.001, CASE w29.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w29.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) AS TEXT) || '.0' AS JSON) ELSE to_json(CAST(i39.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w29.measure = 'WON_REVENUE' AND w29.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w29.revenue_target_milli AS NUMERIC) * 0.001, CASE w29.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w29.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) END END AS f6 
FROM (SELECT CASE WHEN (w29.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w29.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w29.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_5 
FROM activities AS a36 
WHERE a36.objective_id IN (SELECT objective_tree34.id 
FROM objective_tree34) AND a36.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w29.revenue_target_currency IS NULL AND (SELECT count(*) AS count_6 
FROM won38) > 1) THEN NULL WHEN (coalesce(w29.revenue_target_currency, (SELECT min(won38.currency) AS min_2 
FROM won38)) IS NULL) THEN '0' ELSE CAST(round(CAST(CAST((SELECT coalesce(sum(won38.high), 0) AS coalesce_3 
FROM won38) AS NUMERIC) * 1000000000 + CAST((SELECT coalesce(sum(won38.low), 0) AS coalesce_4 
FROM won38) AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w29.revenue_target_currency, (SELECT min(won38.currency) AS min_2 
FROM won38)) WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w29.measure = 'WON_REVENUE' AND w29.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_7 
FROM won38 
WHERE won38.currency != w29.revenue_target_currency) > 0 AS needs
 LIMIT ALL OFFSET 0) AS i39) AS b40 ON true)))), CAST('[]' AS JSON))) AS json_build_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC 
 LIMIT $11::INTEGER) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10 JOIN LATERAL (WITH RECURSIVE tree41(id) AS 
(SELECT w10.id AS id UNION SELECT b42.id AS id 
FROM business_plans AS b42 JOIN tree41 ON b42.parent_id = tree41.id), 
sums45 AS 
(SELECT CASE WHEN (o44.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o44.currency AS currency, w10.currency AS plan_currency, sum(o44.amount_milli / 1000000000) AS high, sum(o44.amount_milli % 1000000000) AS low 
FROM opportunities AS o44 
WHERE o44.id IN (SELECT po43.opportunity_id 
FROM plan_opportunities AS po43 JOIN tree41 ON po43.plan_id = tree41.id) AND o44.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o44.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o44.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s46.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s46.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s46.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s46.currency, json_build_array(s46.high, s46.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 23, "column": 11}]' AS JSON)) END AS anon_2 
FROM (SELECT sums45.currency AS currency, sums45.high AS high, sums45.low AS low 
FROM sums45 
WHERE sums45.bucket = 'won') AS s46) AS f4, (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s47.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s47.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s47.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s47.currency, json_build_array(s47.high, s47.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 24, "column": 11}]' AS JSON)) END AS anon_3 
FROM (SELECT sums45.currency AS currency, sums45.high AS high, sums45.low AS low 
FROM sums45 
WHERE sums45.bucket = 'open') AS s47) AS f5, json_build_object('won', (SELECT coalesce(json_agg(json_build_object('amount', CAST(round(CAST(CAST(c48.high AS NUMERIC) * 1000000000 + CAST(c48.low AS NUMERIC) AS NUMERIC) * 0.001, CASE c48.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', c48.currency) ORDER BY c48.currency), CAST('[]' AS JSON)) AS coalesce_5 
FROM (SELECT sums45.bucket AS bucket, sums45.currency AS currency, sums45.plan_currency AS plan_currency, sums45.high AS high, sums45.low AS low 
FROM sums45 
WHERE sums45.bucket = 'won' ORDER BY sums45.currency) AS c48), 'pipeline', (SELECT coalesce(json_agg(json_build_object('amount', CAST(round(CAST(CAST(c49.high AS NUMERIC) * 1000000000 + CAST(c49.low AS NUMERIC) AS NUMERIC) * 0.001, CASE c49.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', c49.currency) ORDER BY c49.currency), CAST('[]' AS JSON)) AS coalesce_6 
FROM (SELECT sums45.bucket AS bucket, sums45.currency AS currency, sums45.plan_currency AS plan_currency, sums45.high AS high, sums45.low AS low 
FROM sums45 
WHERE sums45.bucket = 'open' ORDER BY sums45.currency) AS c49), 'missingRates', (SELECT coalesce(json_agg((m51.currency || '->') || m51.plan_currency ORDER BY m51.currency), CAST('[]' AS JSON)) AS coalesce_7 
FROM (SELECT DISTINCT sums45.currency AS currency, sums45.plan_currency AS plan_currency 
FROM sums45 
WHERE sums45.currency != sums45.plan_currency AND NOT (EXISTS (SELECT r50.base 
FROM exchange_rates AS r50 
WHERE r50.base = sums45.currency AND r50.quote = sums45.plan_currency OR r50.base = sums45.plan_currency AND r50.quote = sums45.currency)) ORDER BY sums45.currency) AS m51)) AS f6) AS b52 ON true), 'objectives', (WITH chosen55 AS 
(SELECT links54.id AS id, links54._via AS _via, links54._via_contact AS _via_contact 
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
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links54 
WHERE links54.id IN (SELECT objectives.id 
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
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_8 
FROM chosen55), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w58._via = 1) THEN 'ACCOUNT' WHEN (w58._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t59.id AS TEXT), 'UTF8'), 'base64')) AS json_build_object_14 
FROM contacts AS t59 
WHERE t59.id = w58._via_contact AND t59.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'actualForAccount', (WITH RECURSIVE objective_tree60(id) AS 
(SELECT w58.id AS id UNION SELECT ob61.id AS id 
FROM objectives AS ob61 JOIN objective_tree60 ON ob61.parent_id = objective_tree60.id), 
won64 AS 
(SELECT o63.currency AS currency, sum(o63.amount_milli / 1000000000) AS high, sum(o63.amount_milli % 1000000000) AS low 
FROM opportunities AS o63 
WHERE o63.objective_id IN (SELECT objective_tree60.id 
FROM objective_tree60) AND o63.stage = 'CLOSED_WON' AND (NOT (w58.account_id IS NULL AND w58.contact_id IS NULL) OR o63.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o63.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o63.currency)
 SELECT CASE WHEN i65.needs THEN json_build_object('$progress', 'actual', '$measure', w58.measure, '$target', CAST(w58.target_micros AS TEXT), '$revenue', CAST(w58.revenue_target_milli AS TEXT), '$currency', w58.revenue_target_currency, '$manual', CAST(w58.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(won64.currency, json_build_array(won64.high, won64.low)) AS json_object_agg_3 
FROM won64), '$locations', CAST('[{"line": 50, "column": 37}]' AS JSON)) ELSE to_json(i65.done) END AS f0 
FROM (SELECT CASE WHEN (w58.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w58.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w58.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_9 
FROM activities AS a62 
WHERE a62.objective_id IN (SELECT objective_tree60.id 
FROM objective_tree60) AND a62.status = 'COMPLETED' AND (NOT (w58.account_id IS NULL AND w58.contact_id IS NULL) OR a62.account_id = t1.id OR a62.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w58.revenue_target_currency IS NULL AND (SELECT count(*) AS count_10 
FROM won64) > 1) THEN NULL WHEN (coalesce(w58.revenue_target_currency, (SELECT min(won64.currency) AS min_3 
FROM won64)) IS NULL) THEN '0' ELSE CAST(round(CAST(CAST((SELECT coalesce(sum(won64.high), 0) AS coalesce_8 
FROM won64) AS NUMERIC) * 1000000000 + CAST((SELECT coalesce(sum(won64.low), 0) AS coalesce_9 
FROM won64) AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w58.revenue_target_currency, (SELECT min(won64.currency) AS min_3 
FROM won64)) WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w58.measure = 'WON_REVENUE' AND w58.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_11 
FROM won64 
WHERE won64.currency != w58.revenue_target_currency) > 0 AS needs
 LIMIT ALL OFFSET 0) AS i65), 'node', json_build_object('id', encode(convert_to('Objective:' || CAST(w58.id AS TEXT), 'UTF8'), 'base64'), 'name', w58.name, 'isGlobal', w58.account_id IS NULL AND w58.contact_id IS NULL, 'actual', (WITH RECURSIVE objective_tree66(id) AS 
(SELECT w58.id AS id UNION SELECT ob67.id AS id 
FROM objectives AS ob67 JOIN objective_tree66 ON ob67.parent_id = objective_tree66.id), 
won70 AS 
(SELECT o69.currency AS currency, sum(o69.amount_milli / 1000000000) AS high, sum(o69.amount_milli % 1000000000) AS low 
FROM opportunities AS o69 
WHERE o69.objective_id IN (SELECT objective_tree66.id 
FROM objective_tree66) AND o69.stage = 'CLOSED_WON' GROUP BY o69.currency)
 SELECT CASE WHEN i71.needs THEN json_build_object('$progress', 'actual', '$measure', w58.measure, '$target', CAST(w58.target_micros AS TEXT), '$revenue', CAST(w58.revenue_target_milli AS TEXT), '$currency', w58.revenue_target_currency, '$manual', CAST(w58.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(won70.currency, json_build_array(won70.high, won70.low)) AS json_object_agg_4 
FROM won70), '$locations', CAST('[{"line": 50, "column": 78}]' AS JSON)) ELSE to_json(i71.done) END AS f0 
FROM (SELECT CASE WHEN (w58.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w58.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w58.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_12 
FROM activities AS a68 
WHERE a68.objective_id IN (SELECT objective_tree66.id 
FROM objective_tree66) AND a68.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w58.revenue_target_currency IS NULL AND (SELECT count(*) AS count_13 
FROM won70) > 1) THEN NULL WHEN (coalesce(w58.revenue_target_currency, (SELECT min(won70.currency) AS min_4 
FROM won70)) IS NULL) THEN '0' ELSE CAST(round(CAST(CAST((SELECT coalesce(sum(won70.high), 0) AS coalesce_10 
FROM won70) AS NUMERIC) * 1000000000 + CAST((SELECT coalesce(sum(won70.low), 0) AS coalesce_11 
FROM won70) AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w58.revenue_target_currency, (SELECT min(won70.currency) AS min_4 
FROM won70)) WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w58.measure = 'WON_REVENUE' AND w58.revenue_target_currency IS NOT NULL AND (SELECT count(*) AS count_14 
FROM won70 
WHERE won70.currency != w58.revenue_target_currency) > 0 AS needs
 LIMIT ALL OFFSET 0) AS i71)))), CAST('[]' AS JSON))) AS json_build_object_13 
FROM (SELECT c56.id AS id, c56.name AS name, c56.status AS status, c56.period_id AS period_id, c56.plan_id AS plan_id, c56.parent_id AS parent_id, c56.account_id AS account_id, c56.contact_id AS contact_id, c56.target_micros AS target_micros, c56.unit AS unit, c56.revenue_target_milli AS revenue_target_milli, c56.revenue_target_currency AS revenue_target_currency, c56.measure AS measure, c56.manual_actual_micros AS manual_actual_micros, c56.created_at AS created_at, head57._via AS _via, head57._via_contact AS _via_contact 
FROM (SELECT chosen55.id AS id, chosen55._via AS _via, chosen55._via_contact AS _via_contact 
FROM chosen55 ORDER BY chosen55.id ASC 
 LIMIT $13::INTEGER) AS head57 JOIN objectives AS c56 ON c56.id = head57.id ORDER BY head57.id ASC) AS w58), 'opportunities', (WITH chosen74 AS 
(SELECT links73.id AS id, links73._via AS _via, links73._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $14::INTEGER AND ranked.prio IN (1, 2)) AS anon_5) AS links73 
WHERE links73.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_15 
FROM chosen74), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w77._via = 1) THEN 'ACCOUNT' WHEN (w77._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Opportunity:' || CAST(w77.id AS TEXT), 'UTF8'), 'base64'), 'name', w77.name, 'stage', w77.stage))), CAST('[]' AS JSON))) AS json_build_object_15 
FROM (SELECT c75.id AS id, c75.name AS name, c75.account_id AS account_id, c75.stage AS stage, c75.amount_milli AS amount_milli, c75.currency AS currency, c75.close_on AS close_on, c75.owner_id AS owner_id, c75.objective_id AS objective_id, c75.created_at AS created_at, head76._via AS _via, head76._via_contact AS _via_contact 
FROM (SELECT chosen74.id AS id, chosen74._via AS _via, chosen74._via_contact AS _via_contact 
FROM chosen74 ORDER BY chosen74.id ASC 
 LIMIT $15::INTEGER) AS head76 JOIN opportunities AS c75 ON c75.id = head76.id ORDER BY head76.id ASC) AS w77), 'activities', (WITH chosen80 AS 
(SELECT links79.id AS id, links79._via AS _via, links79._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $16::INTEGER AND ranked.prio IN (1, 2)) AS anon_6) AS links79 
WHERE links79.id IN (SELECT activities.id 
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
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_16 
FROM chosen80), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w83._via = 1) THEN 'ACCOUNT' WHEN (w83._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Activity:' || CAST(w83.id AS TEXT), 'UTF8'), 'base64'), 'subject', w83.subject, 'status', w83.status))), CAST('[]' AS JSON))) AS json_build_object_16 
FROM (SELECT c81.id AS id, c81.type AS type, c81.subject AS subject, c81.status AS status, c81.due_at AS due_at, c81.owner_id AS owner_id, c81.account_id AS account_id, c81.contact_id AS contact_id, c81.plan_id AS plan_id, c81.objective_id AS objective_id, c81.opportunity_id AS opportunity_id, c81.follow_up_of_id AS follow_up_of_id, c81.created_at AS created_at, head82._via AS _via, head82._via_contact AS _via_contact 
FROM (SELECT chosen80.id AS id, chosen80._via AS _via, chosen80._via_contact AS _via_contact 
FROM chosen80 ORDER BY chosen80.id ASC 
 LIMIT $17::INTEGER) AS head82 JOIN activities AS c81 ON c81.id = head82.id ORDER BY head82.id ASC) AS w83)) AS json_build_object_2 
FROM accounts AS t1 
WHERE t1.id = $18::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS json_build_object_1
