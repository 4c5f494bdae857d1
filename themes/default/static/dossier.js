// Sortable index tables: click a column heading to sort by it (again to reverse).
document.querySelectorAll("table.sortable").forEach((table) => {
  const headers = table.querySelectorAll("th");
  headers.forEach((th, column) => {
    th.tabIndex = 0;
    const sort = () => {
      const descending = th.getAttribute("aria-sort") === "ascending";
      headers.forEach((h) => h.removeAttribute("aria-sort"));
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const numeric = th.dataset.sort === "number";
      const body = table.tBodies[0];
      const value = (row) => {
        const cell = row.cells[column];
        const v = cell.dataset.value ?? cell.textContent.trim();
        return numeric ? Number(v) : v;
      };
      const rows = [...body.rows].sort((a, b) => {
        const x = value(a), y = value(b);
        const order = numeric ? x - y : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
      body.append(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
  });
});
