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
WHERE account_team_members.user_id = $1::INTEGER))))), 'node', json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w10.id AS TEXT), 'UTF8'), 'base64'), 'name', w10.name, 'status', w10.status, 'revenueTarget', CASE WHEN (w10.revenue_target_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w10.revenue_target_milli AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) END, 'wonRevenue', b56.f4, 'pipelineRevenue', b56.f5, 'revenueByCurrency', b56.f6, 'subPlans', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('BusinessPlan:' || CAST(w13.id AS TEXT), 'UTF8'), 'base64'), 'name', w13.name, 'status', w13.status, 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w15.id AS TEXT), 'UTF8'), 'base64'), 'name', w15.name, 'target', CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w15.unit, 'measure', w15.measure, 'actual', b24.f5, 'progress', b24.f6)), CAST('[]' AS JSON))) AS json_build_object_7 
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
(SELECT count(DISTINCT o19.currency) AS currencies, min(o19.currency) AS "only", coalesce(sum(o19.amount_milli / 1000000000), 0) AS high, coalesce(sum(o19.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o19.currency != w15.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o19 
WHERE o19.objective_id IN (SELECT objective_tree16.id 
FROM objective_tree16) AND o19.stage = 'CLOSED_WON' AND w15.measure = 'WON_REVENUE'), 
s23 AS 
(SELECT o22.currency AS currency, sum(o22.amount_milli / 1000000000) AS high, sum(o22.amount_milli % 1000000000) AS low 
FROM opportunities AS o22 
WHERE o22.objective_id IN (SELECT objective_tree16.id 
FROM objective_tree16) AND o22.stage = 'CLOSED_WON' GROUP BY o22.currency)
 SELECT CASE WHEN i21.needs THEN json_build_object('$progress', 'actual', '$measure', w15.measure, '$target', CAST(w15.target_micros AS TEXT), '$revenue', CAST(w15.revenue_target_milli AS TEXT), '$currency', w15.revenue_target_currency, '$manual', CAST(w15.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s23.currency, json_build_array(s23.high, s23.low)) AS json_object_agg_1 
FROM s23), '$locations', CAST('[{"line": 29, "column": 75}]' AS JSON)) ELSE to_json(i21.done) END AS f5, CASE WHEN i21.needs THEN json_build_object('$progress', 'progress', '$measure', w15.measure, '$target', CAST(w15.target_micros AS TEXT), '$revenue', CAST(w15.revenue_target_milli AS TEXT), '$currency', w15.revenue_target_currency, '$manual', CAST(w15.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s23.currency, json_build_array(s23.high, s23.low)) AS json_object_agg_1 
FROM s23), '$locations', CAST('[{"line": 29, "column": 82}]' AS JSON)) ELSE CASE WHEN (CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) = trunc(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) AND abs(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) < 1E+16) THEN CAST(CAST(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) AS TEXT) || '.0' AS JSON) ELSE to_json(CAST(i21.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w15.measure = 'WON_REVENUE' AND w15.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w15.revenue_target_milli AS NUMERIC) * 0.001, CASE w15.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w15.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) END END AS f6 
FROM (SELECT CASE WHEN (w15.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w15.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w15.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_2 
FROM activities AS a18 
WHERE a18.objective_id IN (SELECT objective_tree16.id 
FROM objective_tree16) AND a18.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w15.revenue_target_currency IS NULL AND won20.currencies > 1) THEN NULL WHEN (coalesce(w15.revenue_target_currency, won20."only") IS NULL) THEN '0' ELSE CAST(round(CAST(CAST(won20.high AS NUMERIC) * 1000000000 + CAST(won20.low AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w15.revenue_target_currency, won20."only") WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w15.measure = 'WON_REVENUE' AND w15.revenue_target_currency IS NOT NULL AND won20."foreign" > 0 AS needs 
FROM won20
 LIMIT ALL OFFSET 0) AS i21) AS b24 ON true), 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w27.id AS TEXT), 'UTF8'), 'base64'), 'name', w27.name, 'stage', w27.stage, 'amount', CASE WHEN (w27.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w27.amount_milli AS NUMERIC) * 0.001, CASE w27.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w27.currency) END)), CAST('[]' AS JSON))) AS json_build_object_8 
FROM (SELECT c25.id AS id, c25.name AS name, c25.account_id AS account_id, c25.stage AS stage, c25.amount_milli AS amount_milli, c25.currency AS currency, c25.close_on AS close_on, c25.owner_id AS owner_id, c25.objective_id AS objective_id, c25.created_at AS created_at 
FROM plan_opportunities AS l26 JOIN opportunities AS c25 ON c25.id = l26.opportunity_id 
WHERE l26.plan_id = w13.id AND c25.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c25.id ASC 
 LIMIT $5::INTEGER) AS w27), 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w29.id AS TEXT), 'UTF8'), 'base64'), 'subject', w29.subject, 'status', w29.status)), CAST('[]' AS JSON))) AS json_build_object_9 
FROM (SELECT c28.id AS id, c28.type AS type, c28.subject AS subject, c28.status AS status, c28.due_at AS due_at, c28.owner_id AS owner_id, c28.account_id AS account_id, c28.contact_id AS contact_id, c28.plan_id AS plan_id, c28.objective_id AS objective_id, c28.opportunity_id AS opportunity_id, c28.follow_up_of_id AS follow_up_of_id, c28.created_at AS created_at 
FROM activities AS c28 
WHERE c28.plan_id = w13.id AND c28.id IN (SELECT activities.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c28.id ASC 
 LIMIT $6::INTEGER) AS w29))), CAST('[]' AS JSON))) AS json_build_object_6 
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
 LIMIT $7::INTEGER) AS w13), 'objectives', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Objective:' || CAST(w31.id AS TEXT), 'UTF8'), 'base64'), 'name', w31.name, 'target', CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT), 'unit', w31.unit, 'measure', w31.measure, 'actual', b44.f5, 'progress', b44.f6, 'opportunities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Opportunity:' || CAST(w33.id AS TEXT), 'UTF8'), 'base64'), 'name', w33.name, 'stage', w33.stage, 'amount', CASE WHEN (w33.amount_milli IS NULL) THEN CAST(NULL AS JSON) ELSE json_build_object('amount', CAST(round(CAST(w33.amount_milli AS NUMERIC) * 0.001, CASE w33.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w33.currency) END, 'activities', (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('id', encode(convert_to('Activity:' || CAST(w35.id AS TEXT), 'UTF8'), 'base64'), 'subject', w35.subject, 'status', w35.status, 'type', w35.type)), CAST('[]' AS JSON))) AS json_build_object_12 
FROM (SELECT c34.id AS id, c34.type AS type, c34.subject AS subject, c34.status AS status, c34.due_at AS due_at, c34.owner_id AS owner_id, c34.account_id AS account_id, c34.contact_id AS contact_id, c34.plan_id AS plan_id, c34.objective_id AS objective_id, c34.opportunity_id AS opportunity_id, c34.follow_up_of_id AS follow_up_of_id, c34.created_at AS created_at 
FROM activities AS c34 
WHERE c34.opportunity_id = w33.id AND c34.id IN (SELECT activities.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c34.id ASC 
 LIMIT $8::INTEGER) AS w35))), CAST('[]' AS JSON))) AS json_build_object_11 
FROM (SELECT c32.id AS id, c32.name AS name, c32.account_id AS account_id, c32.stage AS stage, c32.amount_milli AS amount_milli, c32.currency AS currency, c32.close_on AS close_on, c32.owner_id AS owner_id, c32.objective_id AS objective_id, c32.created_at AS created_at 
FROM opportunities AS c32 
WHERE c32.objective_id = w31.id AND c32.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))) ORDER BY c32.id ASC 
 LIMIT $9::INTEGER) AS w33))), CAST('[]' AS JSON))) AS json_build_object_10 
FROM (SELECT c30.id AS id, c30.name AS name, c30.status AS status, c30.period_id AS period_id, c30.plan_id AS plan_id, c30.parent_id AS parent_id, c30.account_id AS account_id, c30.contact_id AS contact_id, c30.target_micros AS target_micros, c30.unit AS unit, c30.revenue_target_milli AS revenue_target_milli, c30.revenue_target_currency AS revenue_target_currency, c30.measure AS measure, c30.manual_actual_micros AS manual_actual_micros, c30.created_at AS created_at 
FROM objectives AS c30 
WHERE c30.plan_id = w10.id AND c30.id IN (SELECT objectives.id 
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
WHERE account_team_members.user_id = $1::INTEGER)))) ORDER BY c30.id ASC 
 LIMIT $10::INTEGER) AS w31 JOIN LATERAL (WITH RECURSIVE objective_tree36(id) AS 
(SELECT w31.id AS id UNION SELECT ob37.id AS id 
FROM objectives AS ob37 JOIN objective_tree36 ON ob37.parent_id = objective_tree36.id), 
won40 AS 
(SELECT count(DISTINCT o39.currency) AS currencies, min(o39.currency) AS "only", coalesce(sum(o39.amount_milli / 1000000000), 0) AS high, coalesce(sum(o39.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o39.currency != w31.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o39 
WHERE o39.objective_id IN (SELECT objective_tree36.id 
FROM objective_tree36) AND o39.stage = 'CLOSED_WON' AND w31.measure = 'WON_REVENUE'), 
s43 AS 
(SELECT o42.currency AS currency, sum(o42.amount_milli / 1000000000) AS high, sum(o42.amount_milli % 1000000000) AS low 
FROM opportunities AS o42 
WHERE o42.objective_id IN (SELECT objective_tree36.id 
FROM objective_tree36) AND o42.stage = 'CLOSED_WON' GROUP BY o42.currency)
 SELECT CASE WHEN i41.needs THEN json_build_object('$progress', 'actual', '$measure', w31.measure, '$target', CAST(w31.target_micros AS TEXT), '$revenue', CAST(w31.revenue_target_milli AS TEXT), '$currency', w31.revenue_target_currency, '$manual', CAST(w31.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s43.currency, json_build_array(s43.high, s43.low)) AS json_object_agg_2 
FROM s43), '$locations', CAST('[{"line": 36, "column": 43}]' AS JSON)) ELSE to_json(i41.done) END AS f5, CASE WHEN i41.needs THEN json_build_object('$progress', 'progress', '$measure', w31.measure, '$target', CAST(w31.target_micros AS TEXT), '$revenue', CAST(w31.revenue_target_milli AS TEXT), '$currency', w31.revenue_target_currency, '$manual', CAST(w31.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s43.currency, json_build_array(s43.high, s43.low)) AS json_object_agg_2 
FROM s43), '$locations', CAST('[{"line": 36, "column": 50}]' AS JSON)) ELSE CASE WHEN (CAST(i41.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w31.measure = 'WON_REVENUE' AND w31.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w31.revenue_target_milli AS NUMERIC) * 0.001, CASE w31.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) = trunc(CAST(i41.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w31.measure = 'WON_REVENUE' AND w31.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w31.revenue_target_milli AS NUMERIC) * 0.001, CASE w31.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) AND abs(CAST(i41.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w31.measure = 'WON_REVENUE' AND w31.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w31.revenue_target_milli AS NUMERIC) * 0.001, CASE w31.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) < 1E+16) THEN CAST(CAST(CAST(i41.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w31.measure = 'WON_REVENUE' AND w31.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w31.revenue_target_milli AS NUMERIC) * 0.001, CASE w31.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC) AS TEXT) || '.0' AS JSON) ELSE to_json(CAST(i41.done AS FLOAT) / CAST(nullif(CAST(CASE WHEN (w31.measure = 'WON_REVENUE' AND w31.revenue_target_milli IS NOT NULL) THEN CAST(round(CAST(w31.revenue_target_milli AS NUMERIC) * 0.001, CASE w31.revenue_target_currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) ELSE CAST(trim_scale(CAST(w31.target_micros AS NUMERIC) * 0.000001) AS TEXT) END AS FLOAT), 0) AS NUMERIC)) END END AS f6 
FROM (SELECT CASE WHEN (w31.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w31.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w31.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_3 
FROM activities AS a38 
WHERE a38.objective_id IN (SELECT objective_tree36.id 
FROM objective_tree36) AND a38.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w31.revenue_target_currency IS NULL AND won40.currencies > 1) THEN NULL WHEN (coalesce(w31.revenue_target_currency, won40."only") IS NULL) THEN '0' ELSE CAST(round(CAST(CAST(won40.high AS NUMERIC) * 1000000000 + CAST(won40.low AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w31.revenue_target_currency, won40."only") WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w31.measure = 'WON_REVENUE' AND w31.revenue_target_currency IS NOT NULL AND won40."foreign" > 0 AS needs 
FROM won40
 LIMIT ALL OFFSET 0) AS i41) AS b44 ON true)))), CAST('[]' AS JSON))) AS json_build_object_4 
FROM (SELECT c7.id AS id, c7.name AS name, c7.type AS type, c7.period_id AS period_id, c7.owner_id AS owner_id, c7.status AS status, c7.description AS description, c7.currency AS currency, c7.revenue_target_milli AS revenue_target_milli, c7.parent_id AS parent_id, c7.version AS version, c7.copied_from_id AS copied_from_id, c7.created_at AS created_at, c7.updated_at AS updated_at, head9._via AS _via, head9._via_contact AS _via_contact 
FROM (SELECT chosen6.id AS id, chosen6._via AS _via, chosen6._via_contact AS _via_contact, chosen6.parent_id AS parent_id 
FROM chosen6 
WHERE chosen6.parent_id IS NULL OR NOT (EXISTS (SELECT above8.id 
FROM chosen6 AS above8 
WHERE above8.id = chosen6.parent_id)) ORDER BY chosen6.id ASC 
 LIMIT $11::INTEGER) AS head9 JOIN business_plans AS c7 ON c7.id = head9.id ORDER BY head9.id ASC) AS w10 JOIN LATERAL (WITH RECURSIVE tree45(id) AS 
(SELECT w10.id AS id UNION SELECT b46.id AS id 
FROM business_plans AS b46 JOIN tree45 ON b46.parent_id = tree45.id), 
sums49 AS 
(SELECT CASE WHEN (o48.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END AS bucket, o48.currency AS currency, w10.currency AS plan_currency, sum(o48.amount_milli / 1000000000) AS high, sum(o48.amount_milli % 1000000000) AS low 
FROM opportunities AS o48 
WHERE o48.id IN (SELECT po47.opportunity_id 
FROM plan_opportunities AS po47 JOIN tree45 ON po47.plan_id = tree45.id) AND o48.stage != 'CLOSED_LOST' GROUP BY CASE WHEN (o48.stage = 'CLOSED_WON') THEN 'won' ELSE 'open' END, o48.currency)
 SELECT (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s50.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s50.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s50.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s50.currency, json_build_array(s50.high, s50.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 23, "column": 11}]' AS JSON)) END AS anon_2 
FROM (SELECT sums49.currency AS currency, sums49.high AS high, sums49.low AS low 
FROM sums49 
WHERE sums49.bucket = 'won') AS s50) AS f4, (SELECT CASE WHEN (coalesce(sum(CASE WHEN (s51.currency != w10.currency) THEN 1 ELSE 0 END), 0) = 0) THEN json_build_object('amount', CAST(round(CAST(CAST(coalesce(sum(s51.high), 0) AS NUMERIC) * 1000000000 + CAST(coalesce(sum(s51.low), 0) AS NUMERIC) AS NUMERIC) * 0.001, CASE w10.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', w10.currency) ELSE json_build_object('$rollup', json_object_agg(s51.currency, json_build_array(s51.high, s51.low)), '$currency', w10.currency, '$keys', CAST('[["amount", "amount"], ["currency", "currency"]]' AS JSON), '$locations', CAST('[{"line": 24, "column": 11}]' AS JSON)) END AS anon_3 
FROM (SELECT sums49.currency AS currency, sums49.high AS high, sums49.low AS low 
FROM sums49 
WHERE sums49.bucket = 'open') AS s51) AS f5, json_build_object('won', (SELECT coalesce(json_agg(json_build_object('amount', CAST(round(CAST(CAST(c52.high AS NUMERIC) * 1000000000 + CAST(c52.low AS NUMERIC) AS NUMERIC) * 0.001, CASE c52.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', c52.currency) ORDER BY c52.currency), CAST('[]' AS JSON)) AS coalesce_1 
FROM (SELECT sums49.bucket AS bucket, sums49.currency AS currency, sums49.plan_currency AS plan_currency, sums49.high AS high, sums49.low AS low 
FROM sums49 
WHERE sums49.bucket = 'won' ORDER BY sums49.currency) AS c52), 'pipeline', (SELECT coalesce(json_agg(json_build_object('amount', CAST(round(CAST(CAST(c53.high AS NUMERIC) * 1000000000 + CAST(c53.low AS NUMERIC) AS NUMERIC) * 0.001, CASE c53.currency WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT), 'currency', c53.currency) ORDER BY c53.currency), CAST('[]' AS JSON)) AS coalesce_2 
FROM (SELECT sums49.bucket AS bucket, sums49.currency AS currency, sums49.plan_currency AS plan_currency, sums49.high AS high, sums49.low AS low 
FROM sums49 
WHERE sums49.bucket = 'open' ORDER BY sums49.currency) AS c53), 'missingRates', (SELECT coalesce(json_agg((m55.currency || '->') || m55.plan_currency ORDER BY m55.currency), CAST('[]' AS JSON)) AS coalesce_3 
FROM (SELECT DISTINCT sums49.currency AS currency, sums49.plan_currency AS plan_currency 
FROM sums49 
WHERE sums49.currency != sums49.plan_currency AND NOT (EXISTS (SELECT r54.base 
FROM exchange_rates AS r54 
WHERE r54.base = sums49.currency AND r54.quote = sums49.plan_currency OR r54.base = sums49.plan_currency AND r54.quote = sums49.currency)) ORDER BY sums49.currency) AS m55)) AS f6) AS b56 ON true), 'objectives', (WITH chosen59 AS 
(SELECT links58.id AS id, links58._via AS _via, links58._via_contact AS _via_contact 
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
WHERE ranked.pick = $12::INTEGER AND ranked.prio IN (1, 2, 3)) AS anon_4) AS links58 
WHERE links58.id IN (SELECT objectives.id 
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
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_4 
FROM chosen59), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w62._via = 1) THEN 'ACCOUNT' WHEN (w62._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'viaContact', (SELECT json_build_object('id', encode(convert_to('Contact:' || CAST(t63.id AS TEXT), 'UTF8'), 'base64')) AS json_build_object_14 
FROM contacts AS t63 
WHERE t63.id = w62._via_contact AND t63.id IN (SELECT contacts.id 
FROM contacts 
WHERE contacts.id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))), 'actualForAccount', (WITH RECURSIVE objective_tree64(id) AS 
(SELECT w62.id AS id UNION SELECT ob65.id AS id 
FROM objectives AS ob65 JOIN objective_tree64 ON ob65.parent_id = objective_tree64.id), 
won68 AS 
(SELECT count(DISTINCT o67.currency) AS currencies, min(o67.currency) AS "only", coalesce(sum(o67.amount_milli / 1000000000), 0) AS high, coalesce(sum(o67.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o67.currency != w62.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o67 
WHERE o67.objective_id IN (SELECT objective_tree64.id 
FROM objective_tree64) AND o67.stage = 'CLOSED_WON' AND (NOT (w62.account_id IS NULL AND w62.contact_id IS NULL) OR o67.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o67.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) AND w62.measure = 'WON_REVENUE'), 
s71 AS 
(SELECT o70.currency AS currency, sum(o70.amount_milli / 1000000000) AS high, sum(o70.amount_milli % 1000000000) AS low 
FROM opportunities AS o70 
WHERE o70.objective_id IN (SELECT objective_tree64.id 
FROM objective_tree64) AND o70.stage = 'CLOSED_WON' AND (NOT (w62.account_id IS NULL AND w62.contact_id IS NULL) OR o70.account_id = t1.id OR (EXISTS (SELECT opportunity_contacts.opportunity_id 
FROM opportunity_contacts 
WHERE opportunity_contacts.opportunity_id = o70.id AND opportunity_contacts.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id)))) GROUP BY o70.currency)
 SELECT CASE WHEN i69.needs THEN json_build_object('$progress', 'actual', '$measure', w62.measure, '$target', CAST(w62.target_micros AS TEXT), '$revenue', CAST(w62.revenue_target_milli AS TEXT), '$currency', w62.revenue_target_currency, '$manual', CAST(w62.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s71.currency, json_build_array(s71.high, s71.low)) AS json_object_agg_3 
FROM s71), '$locations', CAST('[{"line": 50, "column": 37}]' AS JSON)) ELSE to_json(i69.done) END AS f0 
FROM (SELECT CASE WHEN (w62.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w62.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w62.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_5 
FROM activities AS a66 
WHERE a66.objective_id IN (SELECT objective_tree64.id 
FROM objective_tree64) AND a66.status = 'COMPLETED' AND (NOT (w62.account_id IS NULL AND w62.contact_id IS NULL) OR a66.account_id = t1.id OR a66.contact_id IN (SELECT account_contacts.contact_id 
FROM account_contacts 
WHERE account_contacts.account_id = t1.id))) AS TEXT) ELSE CASE WHEN (w62.revenue_target_currency IS NULL AND won68.currencies > 1) THEN NULL WHEN (coalesce(w62.revenue_target_currency, won68."only") IS NULL) THEN '0' ELSE CAST(round(CAST(CAST(won68.high AS NUMERIC) * 1000000000 + CAST(won68.low AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w62.revenue_target_currency, won68."only") WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w62.measure = 'WON_REVENUE' AND w62.revenue_target_currency IS NOT NULL AND won68."foreign" > 0 AS needs 
FROM won68
 LIMIT ALL OFFSET 0) AS i69), 'node', json_build_object('id', encode(convert_to('Objective:' || CAST(w62.id AS TEXT), 'UTF8'), 'base64'), 'name', w62.name, 'isGlobal', w62.account_id IS NULL AND w62.contact_id IS NULL, 'actual', (WITH RECURSIVE objective_tree72(id) AS 
(SELECT w62.id AS id UNION SELECT ob73.id AS id 
FROM objectives AS ob73 JOIN objective_tree72 ON ob73.parent_id = objective_tree72.id), 
won76 AS 
(SELECT count(DISTINCT o75.currency) AS currencies, min(o75.currency) AS "only", coalesce(sum(o75.amount_milli / 1000000000), 0) AS high, coalesce(sum(o75.amount_milli % 1000000000), 0) AS low, coalesce(sum(CASE WHEN (o75.currency != w62.revenue_target_currency) THEN 1 ELSE 0 END), 0) AS "foreign" 
FROM opportunities AS o75 
WHERE o75.objective_id IN (SELECT objective_tree72.id 
FROM objective_tree72) AND o75.stage = 'CLOSED_WON' AND w62.measure = 'WON_REVENUE'), 
s79 AS 
(SELECT o78.currency AS currency, sum(o78.amount_milli / 1000000000) AS high, sum(o78.amount_milli % 1000000000) AS low 
FROM opportunities AS o78 
WHERE o78.objective_id IN (SELECT objective_tree72.id 
FROM objective_tree72) AND o78.stage = 'CLOSED_WON' GROUP BY o78.currency)
 SELECT CASE WHEN i77.needs THEN json_build_object('$progress', 'actual', '$measure', w62.measure, '$target', CAST(w62.target_micros AS TEXT), '$revenue', CAST(w62.revenue_target_milli AS TEXT), '$currency', w62.revenue_target_currency, '$manual', CAST(w62.manual_actual_micros AS TEXT), '$completed', 0, '$won', (SELECT json_object_agg(s79.currency, json_build_array(s79.high, s79.low)) AS json_object_agg_4 
FROM s79), '$locations', CAST('[{"line": 50, "column": 78}]' AS JSON)) ELSE to_json(i77.done) END AS f0 
FROM (SELECT CASE WHEN (w62.measure = 'MANUAL') THEN CAST(trim_scale(CAST(w62.manual_actual_micros AS NUMERIC) * 0.000001) AS TEXT) WHEN (w62.measure = 'COMPLETED_ACTIVITIES') THEN CAST((SELECT count(*) AS count_6 
FROM activities AS a74 
WHERE a74.objective_id IN (SELECT objective_tree72.id 
FROM objective_tree72) AND a74.status = 'COMPLETED') AS TEXT) ELSE CASE WHEN (w62.revenue_target_currency IS NULL AND won76.currencies > 1) THEN NULL WHEN (coalesce(w62.revenue_target_currency, won76."only") IS NULL) THEN '0' ELSE CAST(round(CAST(CAST(won76.high AS NUMERIC) * 1000000000 + CAST(won76.low AS NUMERIC) AS NUMERIC) * 0.001, CASE coalesce(w62.revenue_target_currency, won76."only") WHEN 'BHD' THEN 3 WHEN 'BIF' THEN 0 WHEN 'CLP' THEN 0 WHEN 'DJF' THEN 0 WHEN 'GNF' THEN 0 WHEN 'IQD' THEN 3 WHEN 'ISK' THEN 0 WHEN 'JOD' THEN 3 WHEN 'JPY' THEN 0 WHEN 'KMF' THEN 0 WHEN 'KRW' THEN 0 WHEN 'KWD' THEN 3 WHEN 'LYD' THEN 3 WHEN 'OMR' THEN 3 WHEN 'PYG' THEN 0 WHEN 'RWF' THEN 0 WHEN 'TND' THEN 3 WHEN 'UGX' THEN 0 WHEN 'VND' THEN 0 WHEN 'VUV' THEN 0 WHEN 'XAF' THEN 0 WHEN 'XOF' THEN 0 WHEN 'XPF' THEN 0 ELSE 2 END) AS TEXT) END END AS done, w62.measure = 'WON_REVENUE' AND w62.revenue_target_currency IS NOT NULL AND won76."foreign" > 0 AS needs 
FROM won76
 LIMIT ALL OFFSET 0) AS i77)))), CAST('[]' AS JSON))) AS json_build_object_13 
FROM (SELECT c60.id AS id, c60.name AS name, c60.status AS status, c60.period_id AS period_id, c60.plan_id AS plan_id, c60.parent_id AS parent_id, c60.account_id AS account_id, c60.contact_id AS contact_id, c60.target_micros AS target_micros, c60.unit AS unit, c60.revenue_target_milli AS revenue_target_milli, c60.revenue_target_currency AS revenue_target_currency, c60.measure AS measure, c60.manual_actual_micros AS manual_actual_micros, c60.created_at AS created_at, head61._via AS _via, head61._via_contact AS _via_contact 
FROM (SELECT chosen59.id AS id, chosen59._via AS _via, chosen59._via_contact AS _via_contact 
FROM chosen59 ORDER BY chosen59.id ASC 
 LIMIT $13::INTEGER) AS head61 JOIN objectives AS c60 ON c60.id = head61.id ORDER BY head61.id ASC) AS w62), 'opportunities', (WITH chosen82 AS 
(SELECT links81.id AS id, links81._via AS _via, links81._via_contact AS _via_contact 
FROM (SELECT anon_5.item AS id, anon_5.prio AS _via, anon_5.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT opportunities.account_id AS acct, opportunities.id AS item, 1 AS prio, NULL AS contact 
FROM opportunities 
WHERE opportunities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, opportunity_contacts.opportunity_id AS item, 2 AS prio, opportunity_contacts.contact_id AS contact 
FROM account_contacts JOIN opportunity_contacts ON opportunity_contacts.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $14::INTEGER AND ranked.prio IN (1, 2)) AS anon_5) AS links81 
WHERE links81.id IN (SELECT opportunities.id 
FROM opportunities 
WHERE opportunities.account_id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER))))
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_7 
FROM chosen82), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w85._via = 1) THEN 'ACCOUNT' WHEN (w85._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Opportunity:' || CAST(w85.id AS TEXT), 'UTF8'), 'base64'), 'name', w85.name, 'stage', w85.stage))), CAST('[]' AS JSON))) AS json_build_object_15 
FROM (SELECT c83.id AS id, c83.name AS name, c83.account_id AS account_id, c83.stage AS stage, c83.amount_milli AS amount_milli, c83.currency AS currency, c83.close_on AS close_on, c83.owner_id AS owner_id, c83.objective_id AS objective_id, c83.created_at AS created_at, head84._via AS _via, head84._via_contact AS _via_contact 
FROM (SELECT chosen82.id AS id, chosen82._via AS _via, chosen82._via_contact AS _via_contact 
FROM chosen82 ORDER BY chosen82.id ASC 
 LIMIT $15::INTEGER) AS head84 JOIN opportunities AS c83 ON c83.id = head84.id ORDER BY head84.id ASC) AS w85), 'activities', (WITH chosen88 AS 
(SELECT links87.id AS id, links87._via AS _via, links87._via_contact AS _via_contact 
FROM (SELECT anon_6.item AS id, anon_6.prio AS _via, anon_6.contact AS _via_contact 
FROM (SELECT ranked.acct AS acct, ranked.item AS item, ranked.prio AS prio, ranked.contact AS contact 
FROM (SELECT links.acct AS acct, links.item AS item, links.prio AS prio, links.contact AS contact, row_number() OVER (PARTITION BY links.acct, links.item ORDER BY links.prio, links.contact) AS pick 
FROM (SELECT activities.account_id AS acct, activities.id AS item, 1 AS prio, NULL AS contact 
FROM activities 
WHERE activities.account_id = t1.id UNION ALL SELECT account_contacts.account_id AS acct, activities.id AS item, 2 AS prio, activities.contact_id AS contact 
FROM account_contacts JOIN activities ON activities.contact_id = account_contacts.contact_id 
WHERE account_contacts.account_id = t1.id) AS links) AS ranked 
WHERE ranked.pick = $16::INTEGER AND ranked.prio IN (1, 2)) AS anon_6) AS links87 
WHERE links87.id IN (SELECT activities.id 
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
 SELECT json_build_object('totalCount', (SELECT count(*) AS count_8 
FROM chosen88), 'edges', coalesce(json_agg(json_build_object('via', CASE WHEN (w91._via = 1) THEN 'ACCOUNT' WHEN (w91._via = 2) THEN 'CONTACT' ELSE 'GLOBAL' END, 'node', json_build_object('id', encode(convert_to('Activity:' || CAST(w91.id AS TEXT), 'UTF8'), 'base64'), 'subject', w91.subject, 'status', w91.status))), CAST('[]' AS JSON))) AS json_build_object_16 
FROM (SELECT c89.id AS id, c89.type AS type, c89.subject AS subject, c89.status AS status, c89.due_at AS due_at, c89.owner_id AS owner_id, c89.account_id AS account_id, c89.contact_id AS contact_id, c89.plan_id AS plan_id, c89.objective_id AS objective_id, c89.opportunity_id AS opportunity_id, c89.follow_up_of_id AS follow_up_of_id, c89.created_at AS created_at, head90._via AS _via, head90._via_contact AS _via_contact 
FROM (SELECT chosen88.id AS id, chosen88._via AS _via, chosen88._via_contact AS _via_contact 
FROM chosen88 ORDER BY chosen88.id ASC 
 LIMIT $17::INTEGER) AS head90 JOIN activities AS c89 ON c89.id = head90.id ORDER BY head90.id ASC) AS w91)) AS json_build_object_2 
FROM accounts AS t1 
WHERE t1.id = $18::INTEGER AND t1.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.id IN (SELECT accounts.id 
FROM accounts 
WHERE accounts.owner_id = $1::INTEGER OR accounts.id IN (SELECT account_team_members.account_id 
FROM account_team_members 
WHERE account_team_members.user_id = $1::INTEGER)))))) AS TEXT) AS json_build_object_1
