// The live dashboard: one EventSource on /api/v1/events/stream draws the chart, the
// poller's health and the made-public feed; two forms call the JSON endpoints.
'use strict';

(function () {
	// The same colours, in the same order, as the SVG chart (TimelineChart.PALETTE).
	const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
		'#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#17becf', '#bcbd22', '#7f7f7f', '#8c564b', '#aec7e8',
		'#98df8a', '#c5b0d5', '#ffbb78', '#1f77b4', '#d62728'];
	const COUNTS_REFRESH_MILLIS = 5000;

	// What a test (or a curious person) can read: how many summaries arrived, and when.
	const state = { summaries: 0, unavailable: 0, lastSummaryAt: null, countsOffset: 10, poller: null,
		connection: 'connecting', dataState: 'unknown' };
	window.dashboard = state;

	const colours = new Map();
	let chart = null;
	let lastTimeline = null;
	let countsFetchedAt = 0;

	function byId(id) {
		return document.getElementById(id);
	}

	function colourOf(type) {
		if (!colours.has(type)) {
			colours.set(type, PALETTE[colours.size % PALETTE.length]);
		}
		return colours.get(type);
	}

	function hhmm(instant) {
		return instant.substring(11, 16);
	}

	function readableTime(instant) {
		return instant ? instant.replace('T', ' ').replace('Z', ' UTC') : '–';
	}

	function readableSeconds(seconds) {
		if (seconds === null || seconds === undefined) {
			return '–';
		}
		const s = Math.round(seconds);
		if (s < 120) {
			return s + ' s';
		}
		if (s < 7200) {
			return Math.round(s / 60) + ' min';
		}
		if (s < 172800) {
			return (s / 3600).toFixed(1) + ' h';
		}
		return (s / 86400).toFixed(1) + ' days';
	}

	function number(value) {
		return (value === null || value === undefined) ? '–' : value.toLocaleString('en-US');
	}

	function ago(instant, now) {
		return readableSeconds((Date.parse(now) - Date.parse(instant)) / 1000) + ' ago';
	}

	// What the header's badge says: whether the data is current, judged from the poller's own
	// status (its state and the API's staleness rule), never from this page's connection. Green
	// "Live" only while the poller holds the lease, polls and its last success is recent; a
	// replayed file (./run-local.sh --sample) says so rather than passing for GitHub's feed.
	function dataStatus(poller, at, connection) {
		if (connection === 'unavailable') {
			return { state: 'unavailable', text: 'Store unavailable' };
		}
		if (!poller) {
			return { state: 'unknown', text: 'Waiting for data…' };
		}
		if (poller.stale) {
			return { state: 'stale', text: 'Stale · ' + (poller.lastSuccessAt
				? 'last successful poll ' + ago(poller.lastSuccessAt, at)
				: 'no successful poll yet') };
		}
		if (!poller.leaseHolder) {
			return { state: 'delayed', text: 'Delayed · no poller holds the lease' };
		}
		if (poller.state === 'REPLAYING') {
			return { state: 'replay', text: 'Replay · ' + (poller.source || 'a file').replace(/^file:/, '')
				+ ' played as a live feed' };
		}
		if (poller.state !== 'POLLING') {
			return { state: 'delayed', text: 'Delayed · poller ' + (poller.state || 'state unknown') };
		}
		return { state: 'live', text: 'Live' + ((poller.lagSeconds === null || poller.lagSeconds === undefined)
			? '' : ' · newest event ' + readableSeconds(poller.lagSeconds) + ' old') };
	}

	function drawStatus() {
		const status = dataStatus(state.poller, state.lastSummaryAt, state.connection);
		const badge = byId('data-badge');
		badge.dataset.state = status.state;
		badge.textContent = status.text;
		state.dataState = status.state;
	}

	function setConnection(stateName, text) {
		const element = byId('connection');
		element.dataset.state = stateName;
		element.textContent = text;
		state.connection = stateName;
		drawStatus();
	}

	// --- The stacked chart ---------------------------------------------------------------

	// A wide chart has room for the legend beside it, a narrower one below it; a phone's has
	// room for neither, and the counts' swatches tell the colours there.
	function placeLegend(legend, width) {
		legend.display = width >= 600;
		legend.position = (width >= 900) ? 'right' : 'bottom';
	}

	function createChart() {
		const canvas = byId('timeline-chart');
		const created = new Chart(canvas, {
			type: 'bar',
			data: { labels: [], datasets: [] },
			options: {
				animation: false,
				maintainAspectRatio: false,
				interaction: { mode: 'index', intersect: false },
				onResize: (resized, size) => placeLegend(resized.options.plugins.legend, size.width),
				plugins: { legend: { labels: { boxWidth: 12, padding: 8 } } },
				scales: {
					x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
					y: { stacked: true, beginAtZero: true, ticks: { precision: 0 },
						title: { display: true, text: 'events per minute' } }
				}
			}
		});
		placeLegend(created.options.plugins.legend, canvas.parentElement.clientWidth);
		return created;
	}

	function drawTimeline(timeline) {
		const json = JSON.stringify(timeline);
		if (json === lastTimeline) {
			return;
		}
		lastTimeline = json;
		chart = chart || createChart();
		chart.data.labels = timeline.buckets.map(hhmm);
		chart.data.datasets = Object.entries(timeline.series).map(([type, counts]) => ({
			label: type,
			data: counts,
			backgroundColor: colourOf(type),
			borderWidth: 0
		}));
		chart.update('none');
		byId('timeline-total').textContent = '(' + number(timeline.total) + ' events, to '
			+ readableTime(timeline.to) + ')';
		const empty = byId('timeline-empty');
		empty.hidden = timeline.total > 0;
		empty.textContent = 'No events in the last ' + timeline.offsetMinutes + ' minutes';
	}

	// --- Poller health and the made-public feed --------------------------------------------

	function drawPoller(poller) {
		const badge = byId('poller-badge');
		badge.textContent = poller.stale ? 'stale' : 'fresh';
		badge.className = 'badge ' + (poller.stale ? 'stale' : 'ok');
		const leader = poller.leaseHolder || poller.leader;
		byId('poller-leader').textContent = leader ? leader + (poller.leaseHolder ? '' : ' (lease free)') : 'none';
		byId('poller-state').textContent = (poller.state || '–')
			+ (poller.lastPollOutcome ? ', last poll ' + poller.lastPollOutcome : '');
		byId('poller-lag').textContent = readableSeconds(poller.lagSeconds);
		const rateLimit = poller.rateLimit || {};
		byId('poller-rate-limit').textContent = (rateLimit.remaining === null || rateLimit.remaining === undefined)
			? '–'
			: number(rateLimit.remaining) + ' of ' + number(rateLimit.limit) + ' left, resets '
				+ readableTime(rateLimit.resetAt);
		byId('poller-gaps').textContent = number(poller.suspectedGaps === null ? 0 : poller.suspectedGaps);
		byId('poller-last-success').textContent = readableTime(poller.lastSuccessAt);
		byId('poller-interval').textContent = readableSeconds(poller.pollIntervalSeconds);
		byId('poller-stored').textContent = number(poller.eventsStored);
		byId('poller-error').textContent = poller.lastError || 'none';
	}

	// What share of each stream of the feed the last hour holds: "p2-3 99.8 %, p1 41 %".
	function drawCapture(capture) {
		const streams = (capture && capture.streams) || [];
		byId('poller-capture').textContent = streams.length === 0
			? '–'
			: streams.map((stream) => stream.stream + ' ' + (stream.share === null
				? '–' : (stream.share * 100).toFixed(1) + ' %')).join(', ')
				+ (capture.settling ? ' (settling)' : '');
	}

	function drawMadePublic(repos) {
		const list = byId('made-public');
		list.replaceChildren(...repos.map((repo) => {
			const item = document.createElement('li');
			const link = document.createElement('a');
			link.href = 'https://github.com/' + repo.repo;
			link.textContent = repo.repo;
			link.title = repo.repo;
			link.rel = 'noopener';
			const when = document.createElement('span');
			when.className = 'muted';
			when.textContent = readableTime(repo.madePublicAt) + (repo.actor ? ' by ' + repo.actor : '');
			when.title = when.textContent;
			item.append(link, when);
			return item;
		}));
		byId('made-public-empty').hidden = repos.length > 0;
	}

	// --- Counts for a chosen offset (GET /api/v1/events/counts) ----------------------------

	async function problemDetail(response) {
		try {
			const problem = await response.json();
			return problem.detail || problem.title || ('HTTP ' + response.status);
		}
		catch (ignored) {
			return 'HTTP ' + response.status;
		}
	}

	async function loadCounts() {
		countsFetchedAt = Date.now();
		const error = byId('counts-error');
		try {
			const response = await fetch('/api/v1/events/counts?offset=' + encodeURIComponent(state.countsOffset),
				{ headers: { Accept: 'application/json' } });
			if (!response.ok) {
				error.textContent = await problemDetail(response);
				error.hidden = false;
				return;
			}
			const counts = await response.json();
			error.hidden = true;
			const largest = Math.max(1, ...Object.values(counts.counts));
			const rows = Object.entries(counts.counts).map(([type, count]) => {
				const row = document.createElement('tr');
				const name = document.createElement('th');
				name.title = type;
				const swatch = document.createElement('span');
				swatch.className = 'swatch';
				swatch.style.background = colourOf(type);
				name.append(swatch, type);
				// A bar for the type's count against the largest: the mix at a glance.
				const share = document.createElement('td');
				share.className = 'share';
				const bar = document.createElement('span');
				bar.className = 'share-bar';
				bar.style.width = (count > 0) ? 'max(2px, ' + (100 * count / largest) + '%)' : '0';
				bar.style.background = colourOf(type);
				share.append(bar);
				const value = document.createElement('td');
				value.textContent = number(count);
				row.append(name, share, value);
				return row;
			});
			byId('counts-table').tBodies[0].replaceChildren(...rows);
			byId('counts-total').textContent = number(counts.total);
			byId('counts-window').textContent = readableTime(counts.from) + ' → ' + readableTime(counts.to);
			state.countsLoaded = counts;
		}
		catch (failure) {
			error.textContent = 'Could not reach the API: ' + failure.message;
			error.hidden = false;
		}
	}

	byId('counts-form').addEventListener('submit', (event) => {
		event.preventDefault();
		state.countsOffset = byId('counts-offset').value.trim();
		loadCounts();
	});

	// --- Average interval between pull requests -------------------------------------------

	byId('pr-form').addEventListener('submit', async (event) => {
		event.preventDefault();
		const repo = byId('pr-repo').value.trim();
		const [owner, name] = repo.split('/');
		const error = byId('pr-error');
		const result = byId('pr-result');
		try {
			const response = await fetch('/api/v1/repos/' + encodeURIComponent(owner) + '/'
				+ encodeURIComponent(name || '') + '/pull-requests/average-interval',
				{ headers: { Accept: 'application/json' } });
			if (!response.ok) {
				error.textContent = await problemDetail(response);
				error.hidden = false;
				result.textContent = '';
				return;
			}
			const stats = await response.json();
			error.hidden = true;
			result.textContent = (stats.averageIntervalSeconds === null)
				? stats.repo + ': ' + stats.pullRequests + ' pull request(s) opened, too few for an average.'
				: stats.repo + ': ' + stats.pullRequests + ' pull requests opened, on average '
					+ readableSeconds(stats.averageIntervalSeconds) + ' apart (first '
					+ readableTime(stats.firstOpenedAt) + ', last ' + readableTime(stats.lastOpenedAt) + ').';
			state.pullRequests = stats;
		}
		catch (failure) {
			error.textContent = 'Could not reach the API: ' + failure.message;
			error.hidden = false;
		}
	});

	// --- The live stream -------------------------------------------------------------------

	const stream = new EventSource('/api/v1/events/stream');
	stream.addEventListener('summary', (message) => {
		const summary = JSON.parse(message.data);
		drawTimeline(summary.timeline);
		drawPoller(summary.poller);
		drawCapture(summary.timeline.capture);
		drawMadePublic(summary.madePublic);
		state.summaries++;
		state.lastSummaryAt = summary.at;
		state.poller = summary.poller;
		setConnection('connected', 'Connected · updated ' + readableTime(summary.at));
		if (Date.now() - countsFetchedAt >= COUNTS_REFRESH_MILLIS) {
			loadCounts();
		}
	});
	stream.addEventListener('unavailable', (message) => {
		const problem = JSON.parse(message.data);
		state.unavailable++;
		setConnection('unavailable', problem.detail);
	});
	// The browser reconnects by itself; say so instead of logging an error. The badge then
	// says the data's state is unknown rather than keep showing the last one.
	stream.onerror = () => {
		state.poller = null;
		setConnection('connecting', 'Reconnecting…');
	};
}());
