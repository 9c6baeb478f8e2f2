-- wrk script: POST /api/tasks with a bearer token from the TOKEN environment variable.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"title":"benchmark task","description":"created by wrk","priority":"high"}'
