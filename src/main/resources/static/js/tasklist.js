// Task list: conditional form fields (the server parsed each condition into an OR of ANDs in data-hide) and
// "select all" for claiming several tasks. The server checks everything again; this only keeps the page tidy.
(function () {
  'use strict';

  function valueOf(form, key) {
    var wrap = form.querySelector('[data-key="' + key + '"]');
    if (!wrap) { return null; }
    var type = wrap.getAttribute('data-type');
    var inputs = wrap.querySelectorAll('input, select, textarea');
    if (type === 'checkbox') { return inputs.length > 0 && inputs[0].checked; }
    if (type === 'checklist') {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return i.value; });
    }
    if (type === 'radio') {
      var chosen = Array.prototype.find.call(inputs, function (i) { return i.checked; });
      return chosen ? chosen.value : null;
    }
    var v = inputs.length > 0 ? inputs[0].value.trim() : '';
    return v === '' ? null : v;
  }

  function holds(clause, value) {
    if (clause.op === 'truthy') { return value === true; }
    if (clause.op === 'falsy') { return value !== true; }
    if (clause.op === '=' || clause.op === '!=') {
      var equal;
      if (value === null || clause.v === null) { equal = value === null && clause.v === null; }
      else if (clause.num) { equal = Number(value) === Number(clause.v); }
      else { equal = String(value) === String(clause.v); }
      return clause.op === '=' ? equal : !equal;
    }
    if (value === null || isNaN(Number(value))) { return false; }
    var a = Number(value), b = Number(clause.v);
    switch (clause.op) {
      case '<': return a < b;
      case '<=': return a <= b;
      case '>': return a > b;
      default: return a >= b;
    }
  }

  function refresh(form) {
    form.querySelectorAll('[data-hide]').forEach(function (wrap) {
      var json = wrap.getAttribute('data-hide');
      if (!json) { return; }
      var anyOf = JSON.parse(json);
      var hide = anyOf.some(function (all) {
        return all.every(function (c) { return holds(c, valueOf(form, c.f)); });
      });
      wrap.classList.toggle('d-none', hide);
      wrap.querySelectorAll('input, select, textarea').forEach(function (i) {
        if (hide) { i.setAttribute('disabled', 'disabled'); }
        else if (!i.hasAttribute('data-ro')) { i.removeAttribute('disabled'); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('task-form');
    if (form) {
      form.querySelectorAll('select[disabled], input[disabled]').forEach(function (i) {
        var wrap = i.closest('[data-hide]');
        if (!wrap || !wrap.classList.contains('d-none')) { i.setAttribute('data-ro', '1'); }
      });
      form.addEventListener('input', function () { refresh(form); });
      form.addEventListener('change', function () { refresh(form); });
      refresh(form);
      var firstError = form.querySelector('.is-invalid');
      if (firstError) { firstError.focus(); }
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target && event.target.id === 'select-all') {
      document.querySelectorAll('.task-select:not([disabled])').forEach(function (box) {
        box.checked = event.target.checked;
      });
    }
  });
})();
