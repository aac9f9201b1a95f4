/*
 * report.html's small helpers.  The page reads fully without them: they
 * only add a filter box above the timeline and the entity list, and make
 * a click on a node of the graph go to that entity's row.  Embedded by
 * the build (report_assets.cmake) and allowed by its hash in the page's
 * Content-Security-Policy.
 */
(function () {
  'use strict';

  /*
   * A box above every element marked data-filter, hiding the items
   * (data-filter names their selector) whose text lacks what is typed.
   */
  function addFilter(list) {
    var items = list.querySelectorAll(list.getAttribute('data-filter'));
    var bar = document.createElement('div');
    var input = document.createElement('input');
    var status = document.createElement('output');
    var label = list.getAttribute('data-filter-label') || 'Filter';

    bar.className = 'filter';
    input.type = 'search';
    input.placeholder = label;
    input.setAttribute('aria-label', label);
    status.setAttribute('aria-live', 'polite');
    bar.appendChild(input);
    bar.appendChild(status);
    list.parentNode.insertBefore(bar, list);

    function update() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var hit = !q || items[i].textContent.toLowerCase().indexOf(q) >= 0;
        items[i].hidden = !hit;
        if (hit)
          shown++;
      }
      status.textContent = q ? shown + ' of ' + items.length + ' shown' : '';
    }
    input.addEventListener('input', update);
  }

  var lists = document.querySelectorAll('[data-filter]');
  for (var i = 0; i < lists.length; i++)
    addFilter(lists[i]);

  /* Graphviz names each node's group after the entity id. */
  var graph = document.querySelector('.graph svg');
  if (graph) {
    graph.addEventListener('click', function (ev) {
      var node = ev.target.closest ? ev.target.closest('g.node') : null;
      if (!node || !node.id)
        return;
      var row = document.getElementById('e-' + node.id);
      if (row) {
        row.scrollIntoView({block: 'center'});
        location.hash = 'e-' + node.id;
      }
    });
  }
})();
