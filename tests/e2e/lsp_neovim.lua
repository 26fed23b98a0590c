-- A real LSP client: Neovim (0.7+) runs `vpclint lsp` on a template, we type a
-- public subnet into a function's SubnetIds, read the diagnostics back with
-- vim.diagnostic.get, then undo the typing and check VL101 clears.
-- Environment: VPCLINT_BIN, LSP_FILE (a template whose functions are all in
-- private subnets), LSP_LINE (1-based line holding `SubnetIds: [!Ref Subnet1]`),
-- LSP_RESULT (file to write "ok ..." or "FAIL ..." to).
local bin, file, line = os.getenv("VPCLINT_BIN"), os.getenv("LSP_FILE"), tonumber(os.getenv("LSP_LINE"))
local result_file = os.getenv("LSP_RESULT")

local function finish(status)
  local f = io.open(result_file, "w")
  f:write(status .. "\n")
  f:close()
  vim.cmd(status:sub(1, 2) == "ok" and "qall!" or "cquit!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local published = -1
  local handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
  local client_id = vim.lsp.start_client({
    name = "vpclint",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    -- The server debounces (150 ms); a second debounce in the client would add to it.
    flags = { debounce_text_changes = 0 },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
        handler(e, result, ctx, config)
        published = result.version or published
      end,
    },
  })
  assert(client_id, "vim.lsp.start_client failed")
  assert(vim.lsp.buf_attach_client(buf, client_id), "buf_attach_client failed")

  local function codes()
    local seen = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == "vpclint" and d.code then seen[d.code] = (seen[d.code] or 0) + 1 end
    end
    return seen
  end
  local function version() return vim.lsp.util.buf_versions[buf] end

  assert(vim.wait(20000, function() return published >= 0 end, 10), "no diagnostics after opening")
  assert(codes()["VL101"] == nil, "VL101 before the edit")

  -- Type ", !Ref Subnet0" (a public subnet) after "!Ref Subnet1", one key every 40 ms.
  local text = vim.api.nvim_buf_get_lines(buf, line - 1, line, true)[1]
  local col = assert(text:find("!Ref Subnet1]", 1, true), "no SubnetIds line") + #"!Ref Subnet1" - 1
  local typed = ", !Ref Subnet0"
  local last
  for i = 1, #typed do
    vim.api.nvim_buf_set_text(buf, line - 1, col + i - 1, line - 1, col + i - 1, { typed:sub(i, i) })
    last = vim.loop.hrtime()
    vim.wait(40, function() return false end, 5)
  end
  local typed_version = version()
  assert(vim.wait(10000, function() return codes()["VL101"] ~= nil and published >= typed_version end, 2),
    "VL101 did not appear after typing a public subnet")
  local latency_ms = (vim.loop.hrtime() - last) / 1e6

  -- The fix: take the public subnet out again.
  vim.api.nvim_buf_set_text(buf, line - 1, col, line - 1, col + #typed, { "" })
  local fixed_version = version()
  assert(vim.wait(10000, function() return published >= fixed_version end, 5), "no diagnostics after the fix")
  assert(codes()["VL101"] == nil, "VL101 still shown after the fix")

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  return string.format("ok latency_ms=%.1f lines=%d", latency_ms, vim.api.nvim_buf_line_count(buf))
end)
if ok then finish(err) else finish("FAIL " .. tostring(err)) end
