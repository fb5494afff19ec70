-- wrk script of bench/run.py: latency percentiles (microseconds) that wrk's report leaves
-- out (p95), and every answer that is not 2xx counted as an error. wrk itself counts only
-- 4xx and 5xx ("Non-2xx or 3xx responses"): a redirect to a login page would pass.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  for _, p in pairs({50, 95, 99}) do
    io.write(string.format("PCT %d %d\n", p, latency:percentile(p)))
  end
  local totals, non2xx = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
      if status < 200 or status > 299 then
        non2xx = non2xx + count
      end
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("STATUS %d %d\n", status, count))
  end
  local errors = summary.errors
  io.write(string.format("REQUESTS %d\n", summary.requests))
  io.write(string.format("NON2XX %d\n", non2xx))
  io.write(string.format("SOCKET_ERRORS %d\n",
    errors.connect + errors.read + errors.write + errors.timeout))
end
