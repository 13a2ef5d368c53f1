-- A check that `cardfile lsp` works in a real editor: Neovim (0.7 or later) opens the
-- customer file given on its command line, starts the server with `vim.lsp.start_client`
-- (the API every Neovim since 0.5 has), waits for the diagnostics and prints each as
--   FILE:LINE:COLUMN: CODE MESSAGE
-- on standard output. It quits with status 1 when none came within 20 seconds.
--
--   CARDFILE=cardfile nvim --headless -u NONE -c "luafile editors/neovim/check.lua" FILE
--
-- editors/neovim/check.sh runs it on a records tree it writes; see docs/editor.md.

local cmd = { os.getenv("CARDFILE") or "cardfile", "lsp" }
local today = os.getenv("CARDFILE_TODAY")
if today and today ~= "" then
  table.insert(cmd, "--today")
  table.insert(cmd, today)
end

local client = vim.lsp.start_client({ name = "cardfile", cmd = cmd, root_dir = vim.fn.getcwd() })
if not client then
  io.stdout:write("cardfile lsp did not start\n")
  vim.cmd("cquit 1")
end
vim.lsp.buf_attach_client(0, client)

local got = vim.wait(20000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)

local file = vim.fn.expand("%")
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  local message = d.message:gsub("\n", " / ")
  io.stdout:write(string.format("%s:%d:%d: %s %s\n", file, d.lnum + 1, d.col + 1, code, message))
end

vim.lsp.stop_client(client)
if got then
  vim.cmd("qall!")
else
  io.stdout:write("no diagnostics came from cardfile lsp\n")
  vim.cmd("cquit 1")
end
