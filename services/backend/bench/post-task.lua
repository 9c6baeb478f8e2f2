-- wrk script: POST /api/tasks with a bearer token from the TOKEN environment variable or, when
-- TOKENS_FILE names a file of tokens (one a line), with each of them in turn, so that the tasks are
-- spread over many users as they are in use (each user holds at most MAX_TASKS_PER_USER).
local body = '{"title":"benchmark task","description":"created by wrk","priority":"high"}'
local tokens = {}
local file = os.getenv("TOKENS_FILE")
if file and file ~= "" then
  for line in io.lines(file) do tokens[#tokens + 1] = line end
else
  tokens[1] = os.getenv("TOKEN")
end
local next_token = 0

function setup(thread)
  thread:set("offset", math.random(#tokens))
end

function request()
  next_token = next_token + 1
  local token = tokens[(next_token + (offset or 0)) % #tokens + 1]
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end
