-- Neovim 0.7 (Debian's) as a second real LSP client of `node dist/server.js --stdio`. Neovim has none of VS Code's
-- leniency: it does not pull diagnostics (the server must push them), it applies edits itself, and it sends
-- incremental didChange for its own buffer edits. Run by test/e2e/nvim/run.sh:
--   PYINSIGHT_SERVER=dist/server.js PYINSIGHT_NVIM_WORKSPACE=<copy of test/e2e/workspace> \
--     nvim --headless --clean -u NONE -c "luafile test/e2e/nvim/lsp_test.lua"
-- Prints a line per check and `nvim: N passed, N failed, 0 skipped`; exits 1 on any failure.

local passed, failed = 0, 0
local function out(line) io.stdout:write(line .. '\n') end

local function main()
  local server = assert(os.getenv('PYINSIGHT_SERVER'), 'PYINSIGHT_SERVER is not set')
  local root = assert(os.getenv('PYINSIGHT_NVIM_WORKSPACE'), 'PYINSIGHT_NVIM_WORKSPACE is not set')
  local TIMEOUT = 20000

  local function check(name, fn)
    local ok, err = pcall(fn)
    if ok then
      passed = passed + 1
      out('  ✓ ' .. name)
    else
      failed = failed + 1
      out('  ✗ ' .. name .. '\n      ' .. tostring(err):gsub('\n', '\n      '))
    end
  end
  local function wait_for(what, condition)
    if not vim.wait(TIMEOUT, condition, 20) then error('timed out waiting for ' .. what, 2) end
  end
  local function expect_match(text, pattern, what)
    if not tostring(text):find(pattern) then error(what .. ': ' .. vim.inspect(pattern) .. ' not in ' .. vim.inspect(text), 2) end
  end
  local function codes(diagnostics)
    local list = {}
    for _, d in ipairs(diagnostics) do table.insert(list, d.code) end
    table.sort(list)
    return table.concat(list, ',')
  end

  -- The raw published diagnostics per URI, as the server sent them (code actions need their `data`).
  local published = {}
  local client_id = vim.lsp.start_client({
    name = 'pyinsight',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  local client = vim.lsp.get_client_by_id(client_id)

  local function open(name)
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. name))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.bo[bufnr].filetype = 'python' -- -u NONE: no filetype detection; the filetype becomes didOpen's languageId
    vim.lsp.buf_attach_client(bufnr, client_id)
    return bufnr, vim.uri_from_bufnr(bufnr)
  end
  local function request(bufnr, method, params)
    local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
    if not responses then error(method .. ' failed: ' .. tostring(err), 2) end
    local response = responses[client_id]
    if not response or response.err then error(method .. ' answered ' .. vim.inspect(response), 2) end
    return response.result
  end
  local function apply(action)
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  end

  local bufnr, uri = open('objects_family.py')

  check('initializes over stdio, offering push diagnostics, hover and code actions', function()
    wait_for('initialization', function() return client.initialized end)
    local caps = client.server_capabilities
    assert(caps.hoverProvider, 'no hoverProvider')
    assert(caps.codeActionProvider, 'no codeActionProvider')
    -- Neovim 0.7 does not advertise pull diagnostics, so the server must not offer them: it pushes instead.
    assert(caps.diagnosticProvider == nil, 'diagnosticProvider offered to a client without pull support')
  end)

  check('publishes PIN501 and PIN502 for objects_family.py', function()
    wait_for('two diagnostics', function() return published[uri] and #published[uri].diagnostics == 2 end)
    assert(codes(published[uri].diagnostics) == 'PIN501,PIN502', codes(published[uri].diagnostics))
    assert(#vim.diagnostic.get(bufnr) == 2, 'Neovim did not take the diagnostics')
    for _, d in ipairs(published[uri].diagnostics) do assert(d.source == 'pyinsight', vim.inspect(d)) end
  end)

  check('hover explains the rule on the diagnostic', function()
    local hover = request(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 9, character = 16 } })
    expect_match(hover.contents.value, 'PIN501', 'hover')
    expect_match(hover.contents.value, '%*%*Why:%*%*', 'hover')
  end)

  check('hover shows computed facts elsewhere', function()
    local hover = request(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 3, character = 5 } })
    expect_match(hover.contents.value, '`remember` is a plain function', 'hover')
    expect_match(hover.contents.value, 'locals: `item`, `seen`', 'hover')
  end)

  check('code action fixes PIN501; the buffer edit is re-checked', function()
    local diagnostic
    for _, d in ipairs(published[uri].diagnostics) do if d.code == 'PIN501' then diagnostic = d end end
    assert(diagnostic, 'no PIN501 to fix')
    local actions = request(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri }, range = diagnostic.range, context = { diagnostics = { diagnostic } },
    })
    local titles = {}
    for _, a in ipairs(actions) do table.insert(titles, a.title) end
    assert(table.concat(titles, '|') == 'Replace with ==|Suppress PIN501 with # noqa', vim.inspect(titles))
    apply(actions[1])
    local line = vim.api.nvim_buf_get_lines(bufnr, 9, 10, true)[1]
    assert(line == '    return state == "ready"', vim.inspect(line))
    -- Neovim sent the edit as didChange; the server answers with fresh diagnostics for the new version.
    wait_for('PIN501 to go', function() return codes(published[uri].diagnostics) == 'PIN502' end)
  end)

  check('fix-all source action applies every safe fix', function()
    local fixall, fixall_uri = open('fixall.py')
    wait_for('two diagnostics on fixall.py', function() return published[fixall_uri] and #published[fixall_uri].diagnostics == 2 end)
    local actions = request(fixall, 'textDocument/codeAction', {
      textDocument = { uri = fixall_uri },
      range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
      context = { diagnostics = {}, only = { 'source.fixAll' } },
    })
    assert(#actions == 1 and actions[1].kind == 'source.fixAll.pyinsight', vim.inspect(actions))
    apply(actions[1])
    local lines = vim.api.nvim_buf_get_lines(fixall, 0, -1, true)
    assert(table.concat(lines, '\n') == 'a = x == 1\nb = y != "s"', vim.inspect(lines))
    wait_for('no diagnostics', function() return #published[fixall_uri].diagnostics == 0 end)
  end)

  check('shuts down cleanly', function()
    vim.lsp.stop_client(client_id)
    wait_for('the server to exit', function() return vim.lsp.client_is_stopped(client_id) end)
  end)
end

-- An error outside a check (no server, a typo) must still end Neovim with a failure instead of leaving it waiting.
local ok, err = pcall(main)
if not ok then
  failed = failed + 1
  out('  ✗ the test script itself failed\n      ' .. tostring(err))
end
out(string.format('nvim: %d passed, %d failed, 0 skipped', passed, failed))
if failed > 0 or passed == 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
