-- wrk requests for bench/run.sh. BENCH_MODE: live | user | order | post. BENCH_USERS: a file of
-- "<user_id> <token> <first order_id> <last order_id>" lines; each request picks a user at random and
-- sends that user's own token (GET /users/{id}, POST /users/{id}/orders) or asks for one of the user's
-- own orders at random (GET /orders/{id}). done() prints one machine-readable RESULT line.
local mode = os.getenv("BENCH_MODE") or "live"
local rows = {}
if mode ~= "live" then
  for line in io.lines(os.getenv("BENCH_USERS")) do
    local id, token, lo, hi = line:match("^(%d+) (%S+) (%d+) (%d+)")
    if id then rows[#rows + 1] = { id = id, auth = "Bearer " .. token, lo = tonumber(lo), hi = tonumber(hi) } end
  end
end
-- BENCH_DELAY_MS: a pause before each connection's next request, to hold the rate near a target.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
if pause > 0 then
  function delay() return pause end
end
local body = '{"item_description":"Notebook","item_quantity":2,"item_price":1990}'

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("seed", threads * 7919 + os.time())
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  if mode == "live" then return wrk.format("GET", "/health/live") end
  local r = rows[math.random(#rows)]
  if mode == "user" then
    return wrk.format("GET", "/users/" .. r.id, { Authorization = r.auth })
  elseif mode == "order" then
    return wrk.format("GET", "/orders/" .. math.random(r.lo, r.hi), { Authorization = r.auth })
  else
    return wrk.format("POST", "/users/" .. r.id .. "/orders",
      { Authorization = r.auth, ["Content-Type"] = "application/json" }, body)
  end
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
